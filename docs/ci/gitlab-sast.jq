# pdflow scan --format json (version 3) -> GitLab SAST report
# (artifacts:reports:sast, security report schema 15.0.7). Arguments:
#   --arg version "$(pdflow --version | cut -d' ' -f2)"
#   --arg start_time 2024-01-31T12:00:00 --arg end_time 2024-01-31T12:03:00  (UTC, no zone)
# Paths must be relative to the repository's root: run pdflow from there.
# See docs/ci.md.
if .version != 3 then error("expected pdflow scan JSON version 3, got \(.version)") else . end
| {"id": "pdflow", "name": "pdflow", "version": $version, "vendor": {"name": "pdflow"}} as $tool
| {
    version: "15.0.7",
    scan: {
      analyzer: $tool,
      scanner: $tool,
      type: "sast",
      start_time: $start_time,
      end_time: $end_time,
      status: (if (.incomplete | length) > 0 then "failure" else "success" end),
      messages: [.incomplete[] | {level: "warn", value: ("analysis incomplete: " + . + " was not analysed")}]
    },
    vulnerabilities: [
      .findings[]
      | select(.file != null)
      | {
          id: .fingerprint,
          name: .rule,
          description: .message,
          severity: ({"error": "High", "warning": "Medium", "note": "Low"}[.severity]),
          location: {file: .file, start_line: (.line // 1), end_line: (.line // 1)},
          identifiers: [
            {type: "pdflow_rule", name: ("pdflow " + .rule), value: .rule},
            {type: "pdflow_fingerprint", name: ("pdflow fingerprint " + .fingerprint), value: .fingerprint}
          ]
        }
    ]
  }
