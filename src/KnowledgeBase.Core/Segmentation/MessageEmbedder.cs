using System.Text;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// A message's meaning as one unit vector: the IDF-weighted mean of the word vectors of its content words, with word
/// vectors and IDF learned from every message of the corpus (<see cref="WordVectors"/>). Two messages on the same subject
/// point the same way even when they share no word ("要什么牌照" and "资质怎么办").
/// </summary>
public sealed class MessageEmbedder
{
    /// <summary>File name of the saved embedder in a models folder.</summary>
    public const string FileName = "word-vectors.bin";

    private const string Magic = "KBWV1";

    private readonly WordVectors _words;
    private readonly Dictionary<string, float> _idf;

    private MessageEmbedder(WordVectors words, Dictionary<string, float> idf)
    {
        _words = words;
        _idf = idf;
    }

    /// <summary>Length of every embedding.</summary>
    public int Dimensions => _words.Dimensions;

    /// <summary>How many words have a vector.</summary>
    public int Words => _words.Count;

    /// <summary>Learns word vectors and IDF from the content words of messages.</summary>
    /// <param name="messages">Each message's content words, in a fixed order (the result depends on it only through float rounding).</param>
    /// <param name="dimensions">Vector length.</param>
    /// <param name="seed">Seed of the SVD.</param>
    /// <returns>The embedder.</returns>
    public static MessageEmbedder Learn(IReadOnlyList<IReadOnlyList<string>> messages, int dimensions = 64, int seed = 7)
    {
        var words = WordVectors.Learn(messages, window: 5, minCount: 5, dimensions, seed);
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in messages.SelectMany(m => m.Distinct(StringComparer.Ordinal)))
        {
            if (words[word] is not null)
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
        }

        var idf = documentFrequency.ToDictionary(p => p.Key, p => (float)Math.Log((double)messages.Count / p.Value), StringComparer.Ordinal);
        return new MessageEmbedder(words, idf);
    }

    /// <summary>The unit embedding of a message's content words; all zeros when none of them has a vector.</summary>
    /// <param name="words">Content words.</param>
    /// <returns>A new vector of <see cref="Dimensions"/> values.</returns>
    public float[] Embed(IEnumerable<string> words)
    {
        var sum = new double[Dimensions];
        foreach (var word in words)
        {
            if (_words[word] is { } vector)
            {
                var weight = _idf[word];
                for (var j = 0; j < sum.Length; j++)
                {
                    sum[j] += weight * vector[j];
                }
            }
        }

        return VectorMath.Unit(sum);
    }

    /// <summary>Cosine of two embeddings (0 when either is all zeros).</summary>
    /// <param name="a">A unit or zero vector.</param>
    /// <param name="b">A unit or zero vector of the same length.</param>
    /// <returns>The cosine.</returns>
    public static float Cosine(float[] a, float[] b)
    {
        var dot = 0f;
        for (var j = 0; j < a.Length; j++)
        {
            dot += a[j] * b[j];
        }

        return dot;
    }

    /// <summary>Writes the embedder (words, IDF and vectors) to a binary file.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Dimensions);
        writer.Write(_words.Count);
        foreach (var (word, vector) in _words.Entries)
        {
            writer.Write(word);
            writer.Write(_idf[word]);
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>Reads an embedder written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The embedder.</returns>
    /// <exception cref="InvalidDataException">The file is not a saved embedder, or is cut short.</exception>
    public static MessageEmbedder Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException($"{path}: not a word-vector file written by kb train");
            }

            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
            var idf = new Dictionary<string, float>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var word = reader.ReadString();
                idf[word] = reader.ReadSingle();
                var vector = new float[dimensions];
                for (var j = 0; j < dimensions; j++)
                {
                    vector[j] = reader.ReadSingle();
                }

                vectors[word] = vector;
            }

            return new MessageEmbedder(new WordVectors(vectors, dimensions), idf);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: word-vector file is cut short", e);
        }
    }
}
