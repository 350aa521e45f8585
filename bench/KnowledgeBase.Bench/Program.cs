using BenchmarkDotNet.Running;
using KnowledgeBase.Bench;

// Modes: extract <corpus> <messages.txt> | segment <messages.txt> [--no-cache] [--threads N] | micro [BenchmarkDotNet args]
return args.FirstOrDefault() switch
{
    "extract" when args.Length == 3 => MessageTextExtractor.Run(args[1], args[2]),
    "segment" when args.Length >= 2 => SegmentationThroughput.Run(args[1], args.Contains("--no-cache"), ThreadsOption(args)),
    "micro" => Micro(args[1..]),
    _ => Usage(),
};

static int Micro(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
    return 0;
}

static int ThreadsOption(string[] args)
{
    var at = Array.IndexOf(args, "--threads");
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var threads) ? threads : 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: KnowledgeBase.Bench extract <corpus> <messages.txt> | segment <messages.txt> [--no-cache] [--threads N] | micro [BenchmarkDotNet args]");
    return 2;
}
