namespace KnowledgeBase.Core.Pipeline;

/// <summary>The kinds of record a <see cref="BuildCache"/> keeps per input file.</summary>
public enum BuildCacheTable
{
    /// <summary>What reading a file gave: counts, problems, speaker evidence (a <see cref="DayRecord"/>).</summary>
    Days,

    /// <summary>The exchanges found in a file (an <see cref="ExchangeRecord"/>).</summary>
    Exchanges,
}
