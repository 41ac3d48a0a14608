using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ShelfReady.Functions.Http;

/// <summary>Writes a shared review handler's minimal-API result as the function's response.</summary>
/// <param name="result">What the review handler answered.</param>
internal sealed class ReviewResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
