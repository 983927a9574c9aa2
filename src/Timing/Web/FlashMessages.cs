using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Timing.Web;

/// <summary>The confirmation a page shows once after a redirect (post/redirect/get), kept in the message cookie.</summary>
public static class FlashMessages
{
    public const string Key = "timing-flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    public static string? TakeFlash(this ITempDataDictionary tempData) => tempData[Key] as string;
}
