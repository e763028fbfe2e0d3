# pdflow scan --format json (version 3) -> GitLab Code Quality report
# (artifacts:reports:codequality). GitLab reads description, check_name,
# fingerprint, severity (info, minor, major, critical, blocker) and
# location.path / location.lines.begin, the path relative to the
# repository's root: run pdflow from there. See docs/ci.md.
if .version != 3 then error("expected pdflow scan JSON version 3, got \(.version)") else . end
| [ (.findings[]
     | select(.file != null)
     | {
         description: .message,
         check_name: ("pdflow/" + .rule),
         fingerprint: .fingerprint,
         severity: ({"error": "critical", "warning": "major", "note": "minor"}[.severity]),
         location: {path: .file, lines: {begin: (.line // 1)}}
       }),
    # A file that was not analysed (it failed to parse, timed out or crashed
    # the analysis): its findings are missing, say so.
    (.incomplete[]
     | {
         description: ("analysis incomplete: " + . + " was not analysed, so its flows and findings are missing"),
         check_name: "pdflow/analysis-incomplete",
         fingerprint: ("pdflow-incomplete:" + .),
         severity: "blocker",
         location: {path: ., lines: {begin: 1}}
       })
  ]
