using Microsoft.AspNetCore.Diagnostics;

namespace LinkagePortal.Rendering;

/// <summary>
/// Errors in the reader's language and never with a stack trace: a Chinese page for people, problem+json for the API.
/// </summary>
public static class ErrorPages
{
    public sealed record ErrorModel(string Heading, string Message);

    public static IResult NotFound(PageRenderer pages, string message = "您要找的页面或编码不存在。请检查地址，或用搜索查找。") =>
        pages.Page("Rendering/ErrorPage", new ErrorModel("页面不存在（404）", message), "页面不存在", StatusCodes.Status404NotFound);

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var feature = context.Features.Get<IExceptionHandlerFeature>();
            app.Logger.LogError(feature?.Error, "Unhandled error on {Path}", context.Request.Path);
            await Write(context, StatusCodes.Status500InternalServerError, "服务暂时出错", "服务器处理请求时出错，已记录。请稍后再试。");
        }));
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (context.Response.StatusCode == StatusCodes.Status404NotFound)
            {
                await Write(context, 404, "页面不存在（404）", "您要找的页面或编码不存在。请检查地址，或用搜索查找。");
            }
            else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                await Write(context, 405, "不支持的请求方法（405）", "此地址不接受这种请求。");
            }
        });
        return app;
    }

    static async Task Write(HttpContext context, int status, string heading, string message)
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: heading, detail: message, statusCode: status).ExecuteAsync(context);
            return;
        }

        var pages = context.RequestServices.GetRequiredService<PageRenderer>();
        await pages.Page("Rendering/ErrorPage", new ErrorModel(heading, message), heading, status).ExecuteAsync(context);
    }
}
