using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Web.Localization;

namespace Outbound.Web.Tests.Localization;

/// <summary>DataAnnotations messages through MVC's own validation, as the app wires it (<see cref="ValidationTexts.AddValidationTexts"/>).</summary>
public sealed class ValidationTextsTests
{
    private sealed class Form
    {
        [Required, FieldLabel(typeof(CommonTexts), nameof(CommonTexts.Code))]
        public string? Code { get; set; }

        [StringLength(5, MinimumLength = 2), FieldLabel(typeof(CommonTexts), nameof(CommonTexts.Name))]
        public string? Name { get; set; }

        /// <summary>Non-nullable without an attribute: the page checks it itself, MVC must not add its own "is required".</summary>
        public string Plain { get; set; } = null!;
    }

    private static List<string> Errors(Form form, string culture)
    {
        var services = new ServiceCollection().AddLogging().AddMvcCore().AddDataAnnotations().Services.AddValidationTexts().BuildServiceProvider();
        var context = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            services.GetRequiredService<IObjectModelValidator>().Validate(context, null, "", form);
            return context.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Attribute_messages_are_in_the_users_language_and_name_fields_by_their_labels()
    {
        var form = new Form { Code = null, Name = "x" };

        Assert.Equal(["“名称”的长度须在 2–5 个字符之间。", "请填写“编码”。"], Errors(form, "zh-CN"));
        Assert.Equal(["Enter Code.", "Name must be 2–5 characters long."], Errors(form, "en"));
    }
}
