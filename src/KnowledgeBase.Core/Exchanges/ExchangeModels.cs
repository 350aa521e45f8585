using System.Text.Json;
using KnowledgeBase.Core.Segmentation;
using Microsoft.ML;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// The trained question detector, answer-text model and reply linker with their thresholds (<c>models/exchange-*.zip</c>),
/// and the word vectors their features read (<c>models/word-vectors.bin</c>).
/// </summary>
public sealed class ExchangeModels
{
    /// <summary>File name of the question detector.</summary>
    public const string QuestionModelFile = "exchange-question.zip";

    /// <summary>File name of the reply linker.</summary>
    public const string LinkModelFile = "exchange-link.zip";

    /// <summary>File name of the answer-text model.</summary>
    public const string AnswerModelFile = "exchange-answer.zip";

    /// <summary>File name of the confidence model (present when the settings use it).</summary>
    public const string ConfidenceModelFile = "exchange-confidence.zip";

    /// <summary>File name of the thresholds.</summary>
    public const string SettingsFile = "exchange-settings.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    internal ExchangeModels(MLContext context, ITransformer question, ITransformer link, ITransformer answer, MessageEmbedder embedder, ExchangeModelSettings settings, ITransformer? confidence = null)
    {
        Confidence = confidence;
        Context = context;
        Embedder = embedder;
        Question = question;
        (QuestionText, QuestionTrees) = Stages(question);
        Link = link;
        Answer = answer;
        Settings = settings;
    }

    /// <summary>Thresholds and training facts.</summary>
    public ExchangeModelSettings Settings { get; }

    /// <summary>The word vectors learned from the corpus, which give each message its embedding.</summary>
    public MessageEmbedder Embedder { get; }

    internal MLContext Context { get; }

    internal ITransformer Question { get; }

    /// <summary>The detector's first stage: a message's text to its text score.</summary>
    internal ITransformer QuestionText { get; }

    /// <summary>The detector's second stage: cues, text score and the neighbours' text scores to the probability.</summary>
    internal ITransformer QuestionTrees { get; }

    internal ITransformer Link { get; }

    internal ITransformer Answer { get; }

    /// <summary>The confidence model, when the settings use it.</summary>
    internal ITransformer? Confidence { get; }

    /// <summary>Loads the models from a folder; a missing file is a clear error.</summary>
    /// <param name="directory">The models folder.</param>
    /// <returns>The models.</returns>
    public static ExchangeModels Load(string directory)
    {
        var context = new MLContext(seed: 1);
        var question = context.Model.Load(Require(directory, QuestionModelFile), out _);
        var link = context.Model.Load(Require(directory, LinkModelFile), out _);
        var answer = context.Model.Load(Require(directory, AnswerModelFile), out _);
        var embedder = MessageEmbedder.Load(Require(directory, MessageEmbedder.FileName));
        var settings = JsonSerializer.Deserialize<ExchangeModelSettings>(File.ReadAllText(Require(directory, SettingsFile)))
            ?? throw new InvalidDataException($"{Path.Combine(directory, SettingsFile)}: empty settings");
        var confidence = settings.CalibratedConfidence ? context.Model.Load(Require(directory, ConfidenceModelFile), out _) : null;
        var models = new ExchangeModels(context, question, link, answer, embedder, settings, confidence);
        RequireInputs<QuestionRow>(context, models.QuestionText, directory, QuestionModelFile);
        RequireInputs<StackedQuestionRow>(context, models.QuestionTrees, directory, QuestionModelFile);
        RequireInputs<LinkRow>(context, link, directory, LinkModelFile);
        if (confidence is not null)
        {
            RequireInputs<ConfidenceRow>(context, confidence, directory, ConfidenceModelFile);
        }

        return models;
    }

    /// <summary>Saves the models to a folder.</summary>
    /// <param name="directory">The models folder.</param>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Context.Model.Save(Question, null, Path.Combine(directory, QuestionModelFile));
        Context.Model.Save(Link, null, Path.Combine(directory, LinkModelFile));
        Context.Model.Save(Answer, null, Path.Combine(directory, AnswerModelFile));
        Embedder.Save(Path.Combine(directory, MessageEmbedder.FileName));
        // Written exactly when the settings say it is used, as Load reads it; a confidence model left from an earlier
        // training would not match these models.
        var confidenceFile = Path.Combine(directory, ConfidenceModelFile);
        if (Settings.CalibratedConfidence && Confidence is not null)
        {
            Context.Model.Save(Confidence, null, confidenceFile);
        }
        else
        {
            File.Delete(confidenceFile);
        }

        File.WriteAllText(Path.Combine(directory, SettingsFile), JsonSerializer.Serialize(Settings, JsonOptions) + "\n");
    }

    internal ExchangeModels WithSettings(ExchangeModelSettings settings) => new(Context, Question, Link, Answer, Embedder, settings, Confidence);

    // The detector is saved as one chain (text stage, its score renamed, trees) and run as its first and last stage, the
    // context features being computed between them.
    internal static (ITransformer Text, ITransformer Trees) Stages(ITransformer question)
    {
        var stages = (question as IEnumerable<ITransformer>)?.ToList();
        return stages is { Count: 3 }
            ? (stages[0], stages[2])
            : throw new InvalidDataException($"{QuestionModelFile} is not a two-stage question detector: retrain it with `kb train` (see README)");
    }

    // A model trained on other features than this build computes fails deep inside ML.NET with a bare type mismatch;
    // say which file it is and what to do.
    private static void RequireInputs<TRow>(MLContext context, ITransformer model, string directory, string file)
        where TRow : class
    {
        try
        {
            model.GetOutputSchema(context.Data.LoadFromEnumerable(Array.Empty<TRow>()).Schema);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException(
                $"{Path.Combine(directory, file)} was trained on other features than this build computes ({e.Message}): retrain the models with `kb train` (see README)", e);
        }
    }

    private static string Require(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"exchange model {path} is missing: train it with `kb train` (see README)", path);
    }
}
