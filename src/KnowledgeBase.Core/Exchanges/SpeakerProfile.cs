using System.Globalization;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// What a speaker says across the corpus, without labels: regulars who answer talk much and ask little; newcomers ask.
/// </summary>
/// <param name="Days">Days the speaker said something on.</param>
/// <param name="Messages">Text and link messages.</param>
/// <param name="Questions">Of them, those that read like a question (the model-free guess).</param>
/// <param name="Characters">Their characters.</param>
public sealed record SpeakerProfile(int Days, int Messages, int Questions, int Characters)
{
    /// <summary>How many features <see cref="Features"/> gives.</summary>
    public const int FeatureCount = 4;

    /// <summary>A speaker never seen.</summary>
    public static SpeakerProfile Unknown { get; } = new(0, 0, 0, 0);

    /// <summary>The profile with one more day's tally.</summary>
    /// <param name="tally">The day's tally.</param>
    /// <returns>The sum.</returns>
    public SpeakerProfile Add(SpeakerTally tally) =>
        new(Days + 1, Messages + tally.Messages, Questions + tally.Questions, Characters + tally.Characters);

    /// <summary>
    /// The profile as model features: log message count, log days, the share of messages that ask (smoothed towards
    /// one in five), log mean length. Each is rounded to a coarse step, so that a day more of the corpus leaves most
    /// speakers' features as they were and an incremental build can keep those speakers' days (<see cref="Key"/>).
    /// </summary>
    /// <returns>The <see cref="FeatureCount"/> features.</returns>
    public float[] Features() =>
    [
        Round(Math.Log(1 + Messages), 0.5),
        Round(Math.Log(1 + Days), 0.5),
        Round((Questions + 1.0) / (Messages + 5.0), 0.05),
        Round(Math.Log(1 + (Messages == 0 ? 0 : (double)Characters / Messages)), 0.25),
    ];

    /// <summary>The features as text: two profiles with the same key give the models the same input.</summary>
    public string Key => string.Join(',', Features().Select(f => f.ToString("R", CultureInfo.InvariantCulture)));

    private static float Round(double value, double step) => (float)(Math.Round(value / step) * step);
}
