using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CchcPortal.Web.Features.Media;

/// <summary>
/// &lt;responsive-img src="/media/images/..." alt="..." sizes="..."&gt; becomes the <see cref="ResponsivePicture"/>
/// markup; anything not stored under /media/images stays a plain &lt;img&gt;.
/// </summary>
[HtmlTargetElement("responsive-img", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ResponsiveImageTagHelper(PortalPaths paths) : TagHelper
{
    public string Src { get; set; } = "";
    public string Alt { get; set; } = "";
    /// <summary>The layout width hint; the default fits the article column.</summary>
    public string SizesHint { get; set; } = ResponsivePicture.ArticleColumn;
    public bool Eager { get; set; }
    public string? Class { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(ResponsivePicture.Build(Src, Alt, ResponsivePicture.SizeOfStored(paths, Src), SizesHint, Eager, Class));
    }
}
