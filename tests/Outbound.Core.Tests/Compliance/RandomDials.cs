using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Compliance;

namespace Outbound.Core.Tests.Compliance;

/// <summary>Seeded generator of leads, clocks and histories for the compliance properties.</summary>
internal sealed class RandomDials(int seed)
{
    public static readonly string[] Zones =
    [
        "Asia/Shanghai", "Asia/Urumqi", "America/New_York", "America/Los_Angeles", "America/Phoenix",
        "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns",
    ];

    private static readonly CallOutcome[] Outcomes = Enum.GetValues<CallOutcome>();
    private readonly Random _random = new(seed);

    public Instant Now() =>
        Instant.FromUtc(2024, 1, 1, 0, 0).Plus(Duration.FromSeconds(_random.NextInt64(0, 3L * 365 * 24 * 3600)));

    public LeadFacts Lead(Instant now) => new(
        PhoneE164: "+86138" + _random.Next(10_000_000, 99_999_999),
        TimeZoneId: Zones[_random.Next(Zones.Length)],
        Attempts: _random.Next(0, 9),
        NextCallAt: _random.Next(3) == 0 ? now + Duration.FromMinutes(_random.Next(-600, 600)) : null,
        CallbackAgent: _random.Next(6) == 0 ? "agent" + _random.Next(3) : null,
        IsDnc: _random.Next(10) == 0,
        OffHoursConsent: _random.Next(20) == 0);

    /// <summary>Attempts spread over five days, or (half the time) crowded into the last ten hours.</summary>
    public IReadOnlyList<PastAttempt> History(Instant now)
    {
        var spanMinutes = _random.Next(2) == 0 ? 10 * 60 : 5 * 24 * 60;
        return Enumerable.Range(0, _random.Next(0, 12))
            .Select(_ => new PastAttempt(now - Duration.FromMinutes(_random.Next(1, spanMinutes)), Outcomes[_random.Next(Outcomes.Length)]))
            .ToList();
    }

    public DialContext Context(Instant now) => new(now, _random.Next(2) == 0 ? null : "agent" + _random.Next(3));

    public CompliancePolicy Policy()
    {
        var preset = Enum.GetValues<RegulatorPreset>()[_random.Next(4)];
        var windows = _random.Next(3) == 0
            ? []
            : Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None && _random.Next(4) != 0)
                .Select(d => new CallingWindow(d, new LocalTime(_random.Next(6, 13), 0), new LocalTime(_random.Next(13, 24), 0)))
                .ToList();
        return CompliancePolicy.From(new CampaignSettings
        {
            Regulator = preset,
            CallingWindows = windows,
            MaxAttempts = _random.Next(1, 8),
        });
    }
}
