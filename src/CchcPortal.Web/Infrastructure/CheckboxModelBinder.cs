using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Binds every <c>bool</c> and <c>bool?</c> of the pages the way a checkbox means it: "true" (or "on", "1") is
/// ticked, "false" (or "0") is not, and any other value a hand-made request sends counts as not ticked. The
/// default binder keeps such a value ("abc") in the model state, and the checkbox tag helper then throws while
/// the page renders again (a 500 instead of the form).
/// </summary>
public sealed class CheckboxModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var values = context.ValueProvider.GetValue(context.ModelName);
        if (values == ValueProviderResult.None) return Task.CompletedTask;
        // A checkbox posts "true" and its hidden field "false": the first value is the one that counts.
        var value = Parse(values.FirstValue);
        var nullable = context.ModelMetadata.IsReferenceOrNullableType;
        bool? bound = value ?? (nullable ? null : false);
        // What the page shows again is the value understood, never the raw text.
        context.ModelState.SetModelValue(context.ModelName, bound, bound?.ToString() ?? "");
        context.Result = ModelBindingResult.Success(bound);
        return Task.CompletedTask;
    }

    private static bool? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "on" or "1" => true,
        "false" or "off" or "0" => false,
        _ => null,
    };
}

public sealed class CheckboxModelBinderProvider : IModelBinderProvider
{
    private static readonly CheckboxModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) && context.BindingInfo.BindingSource != BindingSource.Body ? Binder : null;
}
