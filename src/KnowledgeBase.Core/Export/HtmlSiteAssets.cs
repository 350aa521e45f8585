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

    // Plain DOM building with textContent: chat text from the index is never parsed as HTML.
    public const string SearchScript =
        """
        (function () {
          "use strict";
          var input = document.getElementById("search");
          var results = document.getElementById("results");
          var main = document.querySelector("main");
          var items = (window.KB_SEARCH_INDEX || []).map(function (item) {
            item.haystack = [item.question, item.answer, item.topic, item.keywords].join("\n").toLowerCase();
            return item;
          });
          function search() {
            var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
            while (results.firstChild) { results.removeChild(results.firstChild); }
            if (terms.length === 0) { results.hidden = true; main.hidden = false; return; }
            var found = items.filter(function (item) {
              return terms.every(function (t) { return item.haystack.indexOf(t) >= 0; });
            });
            found.slice(0, 50).forEach(function (item) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = item.url;
              a.textContent = item.question;
              var topic = document.createElement("small");
              topic.textContent = item.topic;
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
