namespace Outbound.Web.Tests.Support;

/// <summary>One app on a real port shared by the browser tests that read pages as a Chinese user sees them.</summary>
[CollectionDefinition(Name)]
public sealed class ChineseBrowserCollection : ICollectionFixture<KestrelDeskWebFactory>
{
    public const string Name = "chinese-browser";
}
