using System.Text;
using Outbound.Core.WorkOrders;

namespace Outbound.Core.Tests.WorkOrders;

public sealed class AttachmentPolicyTests
{
    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n%…");

    [Fact]
    public void Documents_images_and_text_are_taken_with_the_type_their_extension_names()
    {
        Assert.Equal(("application/pdf", null), AttachmentPolicy.Check("账单.pdf", PdfBytes));
        Assert.Equal(("image/png", null), AttachmentPolicy.Check("截图.PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]));
        Assert.Equal(("text/plain; charset=utf-8", null), AttachmentPolicy.Check("说明.txt", Encoding.UTF8.GetBytes("客户称已还款")));
    }

    [Fact]
    public void Files_over_the_limit_of_a_forbidden_type_or_in_disguise_are_refused()
    {
        Assert.Equal(AttachmentProblem.TooLarge, AttachmentPolicy.Check("big.pdf", new byte[AttachmentPolicy.MaxBytes + 1]).Problem);
        Assert.Equal(AttachmentProblem.Empty, AttachmentPolicy.Check("empty.pdf", []).Problem);
        Assert.Equal(AttachmentProblem.ForbiddenType, AttachmentPolicy.Check("run.exe", [0x4D, 0x5A]).Problem);
        Assert.Equal(AttachmentProblem.ForbiddenType, AttachmentPolicy.Check("page.html", Encoding.UTF8.GetBytes("<p>x</p>")).Problem);
        Assert.Equal(AttachmentProblem.ContentDoesNotMatch, AttachmentPolicy.Check("invoice.pdf", [0x4D, 0x5A, 0x90]).Problem);
        Assert.Equal(AttachmentProblem.ContentDoesNotMatch, AttachmentPolicy.Check("notes.txt", Encoding.UTF8.GetBytes("<html><script>x</script>")).Problem);
    }
}
