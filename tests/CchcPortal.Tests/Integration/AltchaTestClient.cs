using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CchcPortal.Tests.Integration;

/// <summary>Does what the ALTCHA widget does in a browser: fetch a challenge, find the number, post the payload.</summary>
public static class AltchaTestClient
{
    public const int TestMaxNumber = 2000;
    public const string SubmitUrl = "/hoi-dap/gui-cau-hoi";

    public static async Task<JsonObject> ChallengeAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/hoi-dap/thu-thach"))!;

    /// <summary>Brute-forces SHA-256(salt + n) = challenge and returns the base64 JSON payload the widget posts.</summary>
    public static string Solve(JsonObject challenge, int? forceNumber = null)
    {
        var salt = (string)challenge["salt"]!;
        var target = (string)challenge["challenge"]!;
        var max = (int)challenge["maxnumber"]!;
        var number = forceNumber ?? Enumerable.Range(0, max + 1).First(n =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + n))) == target);
        return Payload(new JsonObject
        {
            ["algorithm"] = (string)challenge["algorithm"]!, ["challenge"] = target, ["number"] = number,
            ["salt"] = salt, ["signature"] = (string)challenge["signature"]!, ["took"] = 12,
        });
    }

    public static string Payload(JsonObject payload) => Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    public static JsonObject Decode(string payload) => JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();

    public static async Task<string> SolvedAltchaAsync(this HttpClient client) => Solve(await client.ChallengeAsync());

    /// <summary>
    /// Posts the question form as a browser with JavaScript would: with a freshly solved proof of work, then, when the
    /// case was saved, following the 303 to its receipt.
    /// </summary>
    public static async Task<HttpResponseMessage> PostQuestionAsync(this HttpClient client, Dictionary<string, string> fields)
    {
        fields["altcha"] = await client.SolvedAltchaAsync();
        return await client.FollowReceiptAsync(await client.PostFormAsync(SubmitUrl, fields));
    }

    /// <summary>What a browser does after a saved question: GET the receipt the 303 points to (the cookie goes along).</summary>
    public static async Task<HttpResponseMessage> FollowReceiptAsync(this HttpClient client, HttpResponseMessage posted) =>
        posted.StatusCode == System.Net.HttpStatusCode.SeeOther && posted.Headers.Location is { } receipt ? await client.GetAsync(receipt) : posted;
}
