namespace KnowledgeBase.Core.Export;

/// <summary>The static site's style sheet and search script, written beside the pages.</summary>
internal static class HtmlSiteAssets
{
    public const string Style =
        """
        body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 52rem; padding: 0 1rem 3rem; line-height: 1.6; color: #222; }
        /* Chat text holds long addresses and unbroken Latin strings: break them rather than widen the page past a phone's screen. */
        main, #results { overflow-wrap: anywhere; }
        header { display: flex; gap: 1rem; align-items: center; padding: .8rem 0; border-bottom: 1px solid #ddd; }
        header .home { font-weight: bold; text-decoration: none; }
        #search { flex: 1; padding: .4rem .6rem; font-size: 1rem; }
        #results { padding-left: 1.2rem; border-bottom: 1px solid #ddd; }
        #results small { color: #666; margin-left: .5rem; }
        .meta, .count, .excerpt, nav { color: #666; }
        .keywords span { display: inline-block; background: #eef3fa; border-radius: .3rem; padding: 0 .4rem; margin: 0 .3rem .3rem 0; font-size: .9rem; }
        .entry-answer { background: #f7f7f2; padding: .8rem 1rem; border-left: 4px solid #8a6; }
        .entry-answer.none { color: #666; font-style: italic; border-left-color: #ccc; }
        dl.facts dt { font-weight: bold; float: left; clear: left; width: 3rem; }
        dl.facts dd { margin-left: 4rem; }
        .exchange { border-top: 1px solid #eee; }
        .messages { list-style: none; padding: 0; }
        .messages li { margin: .6rem 0; padding: .4rem .6rem; border-radius: .3rem; }
        .messages li.question { background: #fff4e5; }
        .messages li.answer { background: #eaf6ea; }
        .messages li.context { color: #555; }
        .who { font-size: .85rem; color: #555; }
        .who .speaker { font-weight: bold; }
        .text { white-space: normal; overflow-wrap: anywhere; }

        """;

    // Plain DOM building with textContent: chat text from the index is never parsed as HTML. The ranking is the one
    // docs/export.md describes under "Search"; keep the two in step.
    public const string SearchScript =
        """
        (function () {
          "use strict";
          var input = document.getElementById("search");
          var results = document.getElementById("results");
          var main = document.querySelector("main");
          // Where a hit counts most: the question, then the topic and keywords, then the answer.
          var entries = (window.KB_SEARCH_INDEX || []).map(function (item, order) {
            return {
              item: item,
              order: order,
              fields: [
                { text: item.question.toLowerCase(), weight: 4 },
                { text: (item.topic + "\n" + item.keywords).toLowerCase(), weight: 2 },
                { text: item.answer.toLowerCase(), weight: 1 }
              ]
            };
          });
          function has(text, part) { return text.indexOf(part) >= 0; }
          // Chinese is written without spaces: a term of three or more characters with Chinese in it is also looked for
          // in its two-character pieces, so 备付金账户 finds 备付金 in one place and 账户 in another.
          function term(text) {
            var chars = Array.from(text);
            var pieces = [];
            if (chars.length >= 3 && /[\u3400-\u9fff]/.test(text)) {
              for (var i = 0; i + 1 < chars.length; i++) { pieces.push(chars[i] + chars[i + 1]); }
            }
            return { text: text, pieces: pieces };
          }
          // How much of a term a text holds: 1 when it holds it whole, else the share of its pieces it holds.
          function share(texts, t) {
            if (texts.some(function (text) { return has(text, t.text); })) { return 1; }
            if (t.pieces.length === 0) { return 0; }
            return t.pieces.filter(function (p) { return texts.some(function (text) { return has(text, p); }); }).length / t.pieces.length;
          }
          // How many of the terms an entry holds (a term found only in pieces counts for their share, if at least half),
          // then how well: each term's share in each field times the field's weight, and the field's weight again where
          // the terms stand together as typed (or without the spaces between them).
          function rank(entry, terms, phrases) {
            var held = 0;
            var score = 0;
            var texts = entry.fields.map(function (f) { return f.text; });
            terms.forEach(function (t) {
              var found = share(texts, t);
              if (found < 0.5) { return; }
              held += found;
              entry.fields.forEach(function (f) { score += f.weight * share([f.text], t); });
            });
            entry.fields.forEach(function (f) {
              if (phrases.some(function (p) { return has(f.text, p); })) { score += f.weight; }
            });
            return { entry: entry, held: Math.round(held * 1000), score: Math.round(score * 1000) };
          }
          function search() {
            var words = input.value.toLowerCase().split(/\s+/).filter(function (w, i, all) { return w.length > 0 && all.indexOf(w) === i; });
            while (results.firstChild) { results.removeChild(results.firstChild); }
            if (words.length === 0) { results.hidden = true; main.hidden = false; return; }
            var terms = words.map(term);
            var phrases = words.length > 1 ? [words.join(" "), words.join("")] : [];
            var found = entries
              .map(function (entry) { return rank(entry, terms, phrases); })
              .filter(function (r) { return r.held > 0; })
              // Ties keep the site's order: topics with the most entries first, each in the order of its page.
              .sort(function (a, b) { return b.held - a.held || b.score - a.score || a.entry.order - b.entry.order; });
            found.slice(0, 50).forEach(function (r) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = r.entry.item.url;
              a.textContent = r.entry.item.question;
              var topic = document.createElement("small");
              topic.textContent = r.entry.item.topic;
              li.appendChild(a);
              li.appendChild(topic);
              results.appendChild(li);
            });
            if (found.length === 0) {
              var none = document.createElement("li");
              none.textContent = "没有找到匹配的问题";
              results.appendChild(none);
            }
            results.hidden = false;
            main.hidden = true;
          }
          input.addEventListener("input", search);
          var query = new URLSearchParams(window.location.search).get("q");
          if (query) { input.value = query; search(); }
        })();

        """;
}
