// The register as one self-contained HTML page: inline CSS (screen and
// print: one activity per page), the data map as inline SVG, no script, and
// a Content-Security-Policy that forbids scripts and fetches in case a
// string ever escaped escaping.

#include "pdflow/register/RegisterWriters.h"

#include "DataMap.h"
#include "Document.h"
#include "Markup.h"

#include "llvm/ADT/StringRef.h"

namespace pdflow {

namespace {

using namespace doc;
using markup::escapeXml;

constexpr const char *Css = R"css(
:root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --bg-soft: #f6f8fa;
  --red: #b3261e; --red-bg: #fdecea; --amber: #b26a00; --amber-bg: #fff4e0; --blue: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 60px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
p { margin: 6px 0 10px; }
p.note { color: var(--muted); border-left: 3px solid var(--line); padding-left: 10px; }
a { color: var(--blue); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--bg-soft); font-weight: 600; }
table.fields td:first-child { width: 24%; background: var(--bg-soft); }
table.fields td:last-child { width: 14%; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }
.src { display: inline-block; font-size: 11px; line-height: 1.2; padding: 1px 6px; border-radius: 8px;
  background: #eaeef2; color: var(--muted); white-space: nowrap; }
.alert { color: var(--red); font-weight: 600; }
.missing { color: var(--red); font-weight: 600; font-style: italic; }
section.activity, section.unregistered, section.processor-record { margin-top: 28px; }
figure.datamap { margin: 8px 0 18px; overflow-x: auto; }
svg.datamap { max-width: 100%; height: auto; }
svg.datamap text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  fill: var(--ink); }
svg.datamap text.column { font-weight: 600; font-size: 13px; }
svg.datamap text.detail { fill: var(--muted); font-size: 11px; }
svg.datamap .node rect { fill: #f4f6f9; stroke: #5b6b7f; stroke-width: 1.2; }
svg.datamap .node.special rect, svg.datamap .node.flagged rect { fill: var(--red-bg); stroke: var(--red); stroke-width: 2; }
svg.datamap .node.flagged rect { stroke-dasharray: 5 3; stroke-width: 2.5; }
svg.datamap .node.abroad rect { fill: var(--amber-bg); stroke: var(--amber); stroke-width: 2; }
svg.datamap path.edge { fill: none; stroke: #9aa5b1; stroke-width: 1.2; }
svg.datamap path.edge.special { stroke: var(--red); stroke-width: 2; }
svg.datamap path.edge.abroad { stroke: var(--amber); stroke-width: 2; stroke-dasharray: 6 4; }
svg.datamap path.edge.flagged { stroke: var(--red); stroke-width: 3; stroke-dasharray: 6 4; }
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section.activity, section.unregistered, section.processor-record { break-before: page; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  figure.datamap { overflow: visible; }
}
)css";

/// Only web and in-page links: a template cannot smuggle in javascript:.
bool safeHref(llvm::StringRef Url) {
  return Url.starts_with("https://") || Url.starts_with("http://") || Url.starts_with("#");
}

std::string span(const Span &S) {
  if (S.Text == "\n")
    return "<br>";
  std::string Esc = escapeXml(S.Text);
  std::string Out;
  switch (S.S) {
  case Style::Text:
    Out = Esc;
    break;
  case Style::Code:
    Out = "<code>" + Esc + "</code>";
    break;
  case Style::Strong:
    Out = "<strong>" + Esc + "</strong>";
    break;
  case Style::Source:
    Out = "<span class=\"src\">" + Esc + "</span>";
    break;
  case Style::Alert:
    Out = "<span class=\"alert\">" + Esc + "</span>";
    break;
  case Style::Missing:
    Out = "<span class=\"missing\">" + Esc + "</span>";
    break;
  }
  if (S.Url.empty() || !safeHref(S.Url))
    return Out;
  return "<a href=\"" + escapeXml(S.Url) + "\">" + Out + "</a>";
}

std::string cell(const Cell &C) {
  std::string Out;
  for (const Span &S : C)
    Out += span(S);
  return Out;
}

std::string table(const Table &T) {
  std::string Out = T.Header.empty() ? "<table class=\"fields\">\n" : "<table>\n<thead><tr>";
  for (const std::string &H : T.Header)
    Out += "<th>" + escapeXml(H) + "</th>";
  if (!T.Header.empty())
    Out += "</tr></thead>\n";
  Out += "<tbody>\n";
  for (const std::vector<Cell> &Row : T.Rows) {
    Out += "<tr>";
    for (const Cell &C : Row)
      Out += "<td>" + cell(C) + "</td>";
    Out += "</tr>\n";
  }
  return Out + "</tbody>\n</table>\n";
}

std::string anchor(const std::string &Id) {
  return Id.empty() ? "" : " id=\"" + escapeXml(Id) + "\"";
}

} // namespace

std::string renderRegisterHtml(const Register &R, const Taxonomy &Tax,
                               const RegisterRenderOptions &O) {
  Labels L(Tax, O.Lang);
  Document D = registerDocument(R, Tax, L, O.Links);
  std::string Out =
      "<!DOCTYPE html>\n<html lang=\"" + D.Lang +
      "\">\n<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"generator\" content=\"pdflow register\">\n"
      "<title>" +
      escapeXml(D.Title + (R.Controller.Name.empty() ? "" : " - " + R.Controller.Name)) +
      "</title>\n<style>" + Css + "</style>\n</head>\n<body>\n<main>\n";
  for (const Block &B : D.Blocks) {
    switch (B.K) {
    case Block::Kind::Heading: {
      std::string H = "h" + std::to_string(B.Level);
      Out += "<" + H + anchor(B.Anchor) + ">" + cell(B.Content) + "</" + H + ">\n";
      break;
    }
    case Block::Kind::Paragraph:
      Out += "<p>" + cell(B.Content) + "</p>\n";
      break;
    case Block::Kind::Note:
      Out += "<p class=\"note\">" + cell(B.Content) + "</p>\n";
      break;
    case Block::Kind::Table:
      Out += table(B.T);
      break;
    case Block::Kind::List:
      Out += "<ul>\n";
      for (const Cell &Item : B.Items)
        Out += "<li>" + cell(Item) + "</li>\n";
      Out += "</ul>\n";
      break;
    case Block::Kind::DataMap:
      Out += "<figure class=\"datamap\">\n" + renderDataMapSvg(buildDataMap(R, Tax, L), L) +
             "</figure>\n";
      break;
    case Block::Kind::BeginSection:
      Out += "<section" + anchor(B.Anchor) + " class=\"" + escapeXml(B.Class) + "\">\n";
      break;
    case Block::Kind::EndSection:
      Out += "</section>\n";
      break;
    }
  }
  return Out + "</main>\n</body>\n</html>\n";
}

} // namespace pdflow
