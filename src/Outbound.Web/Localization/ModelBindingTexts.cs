using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Outbound.Web.Localization;

/// <summary>The model binder's own messages (a letter typed into a number field …) in the UI's language.</summary>
public static class ModelBindingTexts
{
    private static readonly Text NotValid = new("“{0}”不是有效的值。", "'{0}' is not a valid value.");
    private static readonly Text NotValidFor = new("“{0}”不是“{1}”的有效值。", "'{0}' is not valid for {1}.");
    private static readonly Text Required = new("请填写“{0}”。", "A value for {0} is required.");
    private static readonly Text MustBeNumber = new("“{0}”须为数字。", "{0} must be a number.");

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => NotValidFor.Format(value, field));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => NotValid.Format(value));
        messages.SetUnknownValueIsInvalidAccessor(field => NotValidFor.Format("", field));
        messages.SetValueIsInvalidAccessor(value => NotValid.Format(value));
        messages.SetValueMustBeANumberAccessor(field => MustBeNumber.Format(field));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => MustBeNumber.Format("?"));
        messages.SetValueMustNotBeNullAccessor(field => Required.Format(field));
        messages.SetMissingBindRequiredValueAccessor(field => Required.Format(field));
        messages.SetMissingKeyOrValueAccessor(() => Required.Format("?"));
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Required.Format("?"));
    }
}
