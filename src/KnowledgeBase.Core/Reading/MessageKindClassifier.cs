using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;
using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Tells what a message carries. Links and images are found by parsing the body's Markdown with Markdig
/// (bare URLs through its auto-link extension); WeChat emoji codes, red packets, share-card residue and
/// shared file names are recognised from the text.
/// </summary>
public static partial class MessageKindClassifier
{
    // Immutable once built and safe to share between threads.
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    // Longest body handed to Markdig, and most brackets in it: link and image messages in the corpus are under
    // 2,000 characters with a handful of brackets, while deeply nested brackets make Markdig's link matching quadratic.
    private const int MaxMarkupLength = 4096;
    private const int MaxMarkupBrackets = 64;

    private static readonly SearchValues<string> LinkMarkers = SearchValues.Create(["](", "://", "www.", "<"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Classifies a message body.</summary>
    /// <param name="markdown">The body as written in the file (Markdown, entities not yet decoded).</param>
    /// <param name="text">The body with entities decoded and trimmed.</param>
    /// <returns>The kind; <see cref="MessageKind.Text"/> when nothing more specific fits.</returns>
    public static MessageKind Classify(string markdown, string text)
    {
        if (text.Length == 0)
        {
            return MessageKind.Empty;
        }

        if (IsSystem(text))
        {
            return MessageKind.System;
        }

        if (IsEmojiOnly(text))
        {
            return MessageKind.Emoji;
        }

        if (MayHoldLink(markdown) && ClassifyInlines(markdown) is { } kind)
        {
            return kind;
        }

        return IsSharedFileName(text) ? MessageKind.Link : MessageKind.Text;
    }

    private static bool IsSystem(string text) =>
        text.StartsWith("【电脑签到", StringComparison.Ordinal)
        || text is "微信红包" or "[微信红包]"
        || text.StartsWith("[微信红包](", StringComparison.Ordinal)
        || text[0] == '[' && ShareCard().IsMatch(text)
        || text[^1] == ':' && AccountId().IsMatch(text);

    // The cheap checks first: most bodies are long sentences without a dot near the end.
    private static bool IsSharedFileName(string text)
    {
        var dot = text.LastIndexOf('.');
        return text.Length <= 120 && dot > 0 && text.Length - dot <= 8 && SharedFileName().IsMatch(text);
    }

    /// <summary>True when the text is only emoji codes (<c>[捂脸]</c>), emoji characters, white space and lost <c>?</c>.</summary>
    private static bool IsEmojiOnly(string text)
    {
        if (AnimatedSticker().IsMatch(text))
        {
            return true;
        }

        var emoji = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '?' or '\uFE0F' or '\u200D' or '\u20E3')
            {
                continue;
            }

            // Most bodies start with a CJK character or ASCII text: out at the first character.
            if (c is >= '\u3400' and <= '\u9FFF' || char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            if (c == '[')
            {
                var close = text.IndexOf(']', i + 1);
                if (close < 0 || !IsEmojiCode(text.AsSpan(i + 1, close - i - 1)))
                {
                    return false;
                }

                emoji++;
                i = close;
                continue;
            }

            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
            {
                emoji++;
                continue;
            }

            return false;
        }

        return emoji > 0;
    }

    // WeChat codes are a short word in brackets: [强], [捂脸], [Smile]; "[1]" is a citation, not an emoji.
    private static bool IsEmojiCode(ReadOnlySpan<char> code)
    {
        if (code.Length is 0 or > 8)
        {
            return false;
        }

        var letters = 0;
        foreach (var c in code)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return letters > 0;
    }

    // Markdig runs only on bodies that could hold a link or an image (about one in thirty in the corpus).
    private static bool MayHoldLink(string markdown) => markdown.AsSpan().ContainsAny(LinkMarkers);

    /// <summary>Image when the body is only images, link when only links; null when there is text around them.</summary>
    private static MessageKind? ClassifyInlines(string markdown)
    {
        // Such a body is prose, not a link; the limits keep Markdig's cost bounded on hostile input.
        if (markdown.Length > MaxMarkupLength || markdown.AsSpan().Count('[') > MaxMarkupBrackets)
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than its limit ("[[[[…"); such a body is no link or image.
            return null;
        }

        var counts = new InlineCounts();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null)
            {
                // Code blocks, HTML blocks, thematic breaks: text, as far as a reader is concerned.
                counts.Text = true;
                continue;
            }

            Count(leaf.Inline, counts);
        }

        return counts switch
        {
            { Text: true } => null,
            { Images: > 0, Links: 0 } => MessageKind.Image,
            { Links: > 0 } => MessageKind.Link,
            _ => null,
        };
    }

    /// <summary>
    /// Paragraphs, links, images and auto-links only. A chat body has no use for lists, block quotes, headings or
    /// emphasis or raw HTML, and those are where Markdig slows down on input like <c>- - - - …</c>, <c>*a_*a_…</c>
    /// or <c>&lt;a &lt;a …</c>.
    /// </summary>
    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAutoLinks().DisableHtml();
        builder.BlockParsers.TryRemove<ListBlockParser>();
        builder.BlockParsers.TryRemove<QuoteBlockParser>();
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        builder.BlockParsers.TryRemove<FencedCodeBlockParser>();
        builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        builder.InlineParsers.TryRemove<EmphasisInlineParser>();
        builder.InlineParsers.TryRemove<CodeInlineParser>();
        builder.InlineParsers.TryRemove<HtmlEntityParser>();
        return builder.Build();
    }

    private static void Count(ContainerInline container, InlineCounts counts)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    counts.Images++;
                    break;
                case LinkInline or AutolinkInline:
                    counts.Links++;
                    break;
                case LiteralInline literal:
                    counts.Text |= !literal.Content.IsEmptyOrWhitespace();
                    break;
                case LineBreakInline:
                    break;
                case ContainerInline nested:
                    Count(nested, counts);
                    break;
                default:
                    counts.Text = true;
                    break;
            }
        }
    }

    private sealed class InlineCounts
    {
        public int Images { get; set; }

        public int Links { get; set; }

        public bool Text { get; set; }
    }

    // "[kxg80123:](<?xml version="1.0"?>)": what is left of a shared card.
    [GeneratedRegex(@"^\[[^\]\n]*\]\(\s*<\?xml", RegexOptions.CultureInvariant)]
    private static partial Regex ShareCard();

    // "wxid_nc1f44ewkf5n22:" or "q822090866:" alone: the sender id of a card whose content was lost.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]{2,39}:$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();

    // "[[动画表情]](...)": an animated sticker whose link is an HTML fragment.
    [GeneratedRegex(@"^\[\[[^\[\]\n]{1,8}\]\]\(", RegexOptions.CultureInvariant)]
    private static partial Regex AnimatedSticker();

    [GeneratedRegex(
        @"^[^\s\\/:*?""<>|\[\]][^\\/:*?""<>|\n]*\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|txt|csv|key|numbers|pages|apk|mp3|mp4)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SharedFileName();
}
