using System.Net;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Localization;

[Collection(WebCollection.Name)]
public sealed class LanguageTests(OutboundWebFactory app)
{
    [Fact]
    public async Task Pages_are_chinese_by_default_even_for_an_english_browser()
    {
        var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var login = await browser.GetPageAsync("/Account/Login");
        Assert.Contains("<html lang=\"zh-CN\">", login);
        Assert.Contains("密码", login);
    }

    [Fact]
    public async Task The_switch_turns_the_ui_to_english_and_back()
    {
        var browser = await app.SignedInAs("manager@demo.local");
        var switched = await browser.PostFormAsync("/Campaigns", [new("culture", "en"), new("returnUrl", "/Campaigns")], "/Language");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Campaigns", switched.Headers.Location!.OriginalString);

        var english = await browser.GetPageAsync("/Campaigns");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("New campaign", english);
        Assert.Contains("Collections", english);
        Assert.DoesNotContain("新建项目", english);

        await browser.PostFormAsync("/Campaigns", [new("culture", "zh-CN"), new("returnUrl", "/Campaigns")], "/Language");
        Assert.Contains("新建项目", await browser.GetPageAsync("/Campaigns"));
    }

    [Fact]
    public async Task Validation_messages_follow_the_language()
    {
        var browser = await app.SignedInAs("manager@demo.local");
        await browser.PostFormAsync("/", [new("culture", "en"), new("returnUrl", "/")], "/Language");
        var response = await browser.PostFormAsync("/Campaigns/Create", [new("Form.Code", "X"), new("Form.Name", "x"), new("Form.DispositionsJson", "[]")]);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The code must be 2–63 lower-case letters", page);
        Assert.Contains("At least one disposition is required.", page);
        Assert.Contains("Choose a client.", page);
    }

    [Fact]
    public async Task A_word_in_a_number_field_gets_a_chinese_message()
    {
        var browser = await app.SignedInAs("manager@demo.local");
        var response = await browser.PostFormAsync("/Campaigns/Create", [new("Form.Code", "x-y"), new("Form.MaxAttempts", "abc")]);
        Assert.Contains("“abc”不是“最大拨打次数”的有效值。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_language_is_refused()
    {
        var browser = app.NewBrowser();
        var response = await browser.PostFormAsync("/Account/Login", [new("culture", "xx"), new("returnUrl", "/")], "/Language");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
