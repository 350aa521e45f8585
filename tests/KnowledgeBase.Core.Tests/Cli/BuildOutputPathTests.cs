using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// The real <c>kb build</c> given an output path it cannot write (a folder where a file goes, a file where a folder goes,
/// a path under a file): refused with exit code 2 and a message naming the path before anything is read, creating
/// nothing.
/// </summary>
public sealed class BuildOutputPathTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-paths-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static string Sample => Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");

    [KbBuiltFact]
    public void A_folder_given_as_the_review_store_is_refused_before_the_build()
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "store")).FullName;

        AssertRefused($"--db {folder} is a folder, expected a file", "--db", folder);
    }

    [KbBuiltFact]
    public void A_review_store_under_a_file_is_refused_before_the_build()
    {
        var file = Path.Combine(work, "afile");
        File.WriteAllText(file, "x");
        var db = Path.Combine(file, "kb.db");

        AssertRefused($"--db {db}: {file} is a file, not a folder", "--db", db);
    }

    [KbBuiltFact]
    public void A_build_cache_that_is_a_folder_is_refused_before_the_build()
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "cache")).FullName;

        AssertRefused($"--cache {folder} is a folder, expected a file", "--cache", folder);
    }

    [KbBuiltFact]
    public void An_existing_file_given_as_the_output_folder_is_refused_and_left_as_it_was()
    {
        var file = Path.Combine(work, "faq.json");
        File.WriteAllText(file, "{}");

        var (code, _, error) = KbProcess.Run("build", Sample, "--out", file);

        Assert.Equal(2, code);
        Assert.Contains($"--out {file} is a file, expected a folder", error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(work));
    }

    private void AssertRefused(string message, params string[] options)
    {
        var output = Path.Combine(work, "out");

        var (code, stdout, error) = KbProcess.Run(["build", Sample, "--out", output, .. options]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        Assert.False(Directory.Exists(output), "the output folder was created");
    }
}
