using Microsoft.AspNetCore.Identity;
using Outbound.Data.Identity;

namespace Outbound.Web.Areas.Admin;

/// <summary>Identity's error codes in the UI's language (Identity's own descriptions are English only).</summary>
public static class IdentityErrorText
{
    public static IReadOnlyList<string> Describe(IdentityResult result) =>
        result.Errors.Select(e => e.Code switch
        {
            UserAccounts.ClientNeedsTenant => AdminTexts.ClientNeedsTenant.ToString(),
            UserAccounts.StaffHasNoTenant => AdminTexts.StaffHasNoTenant.ToString(),
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => AdminTexts.DuplicateEmail.ToString(),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => AdminTexts.EmailRequired.ToString(),
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => AdminTexts.PasswordRules.ToString(),
            _ => e.Description,
        }).Distinct().ToList();
}
