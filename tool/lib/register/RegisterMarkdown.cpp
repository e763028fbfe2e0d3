// The register as GitHub-flavoured Markdown: headings, tables, lists.

#include "pdflow/register/RegisterWriters.h"

#include "Document.h"
#include "Markup.h"

namespace pdflow {

namespace {

using namespace doc;

/// A link target safe inside (...): spaces and parentheses encoded.
std::string linkTarget(const std::string &Url) {
  std::string Out;
  for (char C : Url) {
    if (C == ' ')
      Out += "%20";
    else if (C == '(')
      Out += "%28";
    else if (C == ')')
      Out += "%29";
    else if (static_cast<unsigned char>(C) >= 0x20)
      Out += C;
  }
  return Out;
}

/// Open + Text + Close, with Text's edge spaces outside the markers: an
/// emphasis marker next to a space does not close ("**Activity x: **" shows
/// its stars; CommonMark's flanking rule).
std::string emphasize(const std::string &Open, const std::string &Text, const std::string &Close) {
  size_t First = Text.find_first_not_of(' ');
  if (First == std::string::npos)
    return Text;
  size_t Last = Text.find_last_not_of(' ');
  return Text.substr(0, First) + Open + Text.substr(First, Last + 1 - First) + Close +
         Text.substr(Last + 1);
}

std::string span(const Span &S) {
  if (S.Text == "\n")
    return "<br>";
  std::string Esc = markup::escapeMarkdown(S.Text);
  std::string Out;
  switch (S.S) {
  case Style::Text:
    Out = Esc;
    break;
  case Style::Code:
    Out = S.Text.find('`') == std::string::npos && S.Text.find('|') == std::string::npos
              ? "`" + S.Text + "`"
              : Esc;
    break;
  case Style::Strong:
  case Style::Alert:
    Out = emphasize("**", Esc, "**");
    break;
  case Style::Source:
    Out = emphasize("*(", Esc, ")*");
    break;
  case Style::Missing:
    Out = emphasize("_**", Esc, "**_");
    break;
  }
  if (S.Url.empty() || Esc.empty())
    return Out;
  return "[" + Out + "](" + linkTarget(S.Url) + ")";
}

std::string cell(const Cell &C) {
  std::string Out;
  for (const Span &S : C)
    Out += span(S);
  return Out;
}

std::string row(const std::vector<std::string> &Cells) {
  std::string Out = "|";
  for (const std::string &C : Cells)
    Out += " " + C + " |";
  return Out + "\n";
}

std::string table(const Table &T) {
  size_t Columns =
      T.Header.empty() ? (T.Rows.empty() ? 0 : T.Rows.front().size()) : T.Header.size();
  std::vector<std::string> Header, Rule(Columns, "---");
  for (size_t I = 0; I < Columns; ++I)
    Header.push_back(I < T.Header.size() ? markup::escapeMarkdown(T.Header[I]) : "");
  std::string Out = row(Header) + row(Rule);
  for (const std::vector<Cell> &R : T.Rows) {
    std::vector<std::string> Cells;
    for (const Cell &C : R)
      Cells.push_back(cell(C));
    Out += row(Cells);
  }
  return Out + "\n";
}

/// An explicit anchor for the in-page links: Markdown renderers derive
/// their own from the heading text, which differs with the language.
std::string anchor(const std::string &Id) {
  return Id.empty() ? "" : "<a id=\"" + markup::escapeXml(Id) + "\"></a>\n\n";
}

} // namespace

std::string renderRegisterMarkdown(const Register &R, const Taxonomy &Tax,
                                   const RegisterRenderOptions &O) {
  Labels L(Tax, O.Lang);
  Document D = registerDocument(R, Tax, L, O.Links);
  std::string Out;
  for (const Block &B : D.Blocks) {
    switch (B.K) {
    case Block::Kind::Heading:
      Out += anchor(B.Anchor) + std::string(B.Level, '#') + " " + cell(B.Content) + "\n\n";
      break;
    case Block::Kind::Paragraph:
      Out += cell(B.Content) + "\n\n";
      break;
    case Block::Kind::Note:
      Out += "> " + cell(B.Content) + "\n\n";
      break;
    case Block::Kind::Table:
      Out += table(B.T);
      break;
    case Block::Kind::List:
      for (const Cell &Item : B.Items)
        Out += "- " + cell(Item) + "\n";
      Out += "\n";
      break;
    case Block::Kind::DataMap:
      Out += markup::escapeMarkdown(L.text(Text::DataMapElsewhere)) + "\n\n";
      break;
    case Block::Kind::BeginSection:
      Out += anchor(B.Anchor);
      break;
    case Block::Kind::EndSection:
      break;
    }
  }
  // One final newline, not a blank line.
  while (Out.size() > 1 && Out[Out.size() - 1] == '\n' && Out[Out.size() - 2] == '\n')
    Out.pop_back();
  return Out;
}

} // namespace pdflow
