using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Outbound.Web.Localization;

/// <summary>
/// DataAnnotations messages ("The Code field is required.") in the user's language, and fields named by their labels
/// (<see cref="FieldLabelAttribute"/>). The messages are read per request: DataAnnotations looks a resource property up each time it
/// formats one, and these properties answer in the request's UI culture.
/// </summary>
public static class ValidationTexts
{
    private static readonly Text RequiredText = new("请填写“{0}”。", "Enter {0}.");
    private static readonly Text LengthText = new("“{0}”的长度须在 {2}–{1} 个字符之间。", "{0} must be {2}–{1} characters long.");
    private static readonly Text MaxLengthText = new("“{0}”最多 {1} 个字符。", "{0} must be at most {1} characters long.");
    private static readonly Text MinLengthText = new("“{0}”至少 {1} 个字符。", "{0} must be at least {1} characters long.");
    private static readonly Text RangeText = new("“{0}”须在 {1}–{2} 之间。", "{0} must be between {1} and {2}.");
    private static readonly Text EmailText = new("“{0}”不是有效的邮箱地址。", "{0} is not a valid email address.");
    private static readonly Text PatternText = new("“{0}”的格式不正确。", "{0} is not in the expected form.");
    private static readonly Text InvalidText = new("“{0}”的值无效。", "{0} is not valid.");

    public static string Required => RequiredText;
    public static string Length => LengthText;
    public static string MaxLength => MaxLengthText;
    public static string MinLength => MinLengthText;
    public static string Range => RangeText;
    public static string Email => EmailText;
    public static string Pattern => PatternText;
    public static string Invalid => InvalidText;

    /// <summary>
    /// Wires the texts into MVC: binding messages, labels and attribute messages, and no implicit [Required] on strings. After all
    /// other MVC set-up, so that the DataAnnotations provider has put the attributes (and a value type's implicit [Required]) in
    /// place before these are worded.
    /// </summary>
    public static IServiceCollection AddValidationTexts(this IServiceCollection services) =>
        // No page loads a client-side validation library: the data-val-* attributes would only carry messages (the framework's,
        // English, for a number's implicit [Required]) that nobody sees.
        services.Configure<MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .PostConfigure<MvcOptions>(options =>
            {
                ModelBindingTexts.Apply(options.ModelBindingMessageProvider);
                options.ModelMetadataDetailsProviders.Add(new Wording());
                // Pages check their own required fields in their own words; the implicit [Required] of every non-nullable string
                // would add the framework's English "The Code field is required." beside them.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            });

    /// <summary>Names fields by their labels and points attributes without a message of their own at the texts above.</summary>
    private sealed class Wording : IDisplayMetadataProvider, IValidationMetadataProvider
    {
        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Attributes.OfType<FieldLabelAttribute>().FirstOrDefault() is { } label)
                context.DisplayMetadata.DisplayName = () => label.Text;
        }

        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null) continue;
                attribute.ErrorMessageResourceType = typeof(ValidationTexts);
                attribute.ErrorMessageResourceName = attribute switch
                {
                    RequiredAttribute => nameof(Required),
                    StringLengthAttribute => nameof(Length),
                    MaxLengthAttribute => nameof(MaxLength),
                    MinLengthAttribute => nameof(MinLength),
                    RangeAttribute => nameof(Range),
                    EmailAddressAttribute => nameof(Email),
                    RegularExpressionAttribute => nameof(Pattern),
                    _ => nameof(Invalid),
                };
            }
        }
    }
}
