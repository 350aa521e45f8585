using System.Text;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Bench;

/// <summary>
/// Writes every message body of a corpus to a text file, one message a line (line breaks inside a body become
/// spaces), so every segmenter in the comparison reads exactly the same text.
/// </summary>
internal static class MessageTextExtractor
{
    public static int Run(string corpus, string target)
    {
        var reader = new ChatLogReader();
        var found = ChatLogFinder.Find(corpus);
        var messages = 0;
        using (var writer = new StreamWriter(target, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.NewLine = "\n";
            foreach (var file in found.Files)
            {
                foreach (var message in reader.ReadFile(corpus, file.FullPath).Day.Messages)
                {
                    if (message.Body.Length == 0)
                    {
                        continue;
                    }

                    writer.WriteLine(message.Body.ReplaceLineEndings(" "));
                    messages++;
                }
            }
        }

        Console.WriteLine($"{found.Files.Count} files, {messages} messages, {new FileInfo(target).Length} bytes -> {target}");
        return 0;
    }
}
