extension ReportPage {
    /// The page's style sheet: system fonts, a readable measure, a table whose numbers line
    /// up on the right, and charts that shrink with the window.
    ///
    /// - warning: It is written into `<style>` as it is, where HTML does not decode entities,
    ///   so it must hold none of `<`, `>` and `&` (the page must stay well-formed and mean the
    ///   same as XML and as HTML).
    static let styleSheet = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body {
          margin: 0; background: #eef0f3; color: #1d2430;
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif;
        }
        main { max-width: 940px; margin: 0 auto; padding: 40px 36px 48px; background: #ffffff; }
        h1 { font-size: 30px; line-height: 1.2; margin: 0 0 12px; overflow-wrap: anywhere; }
        h2 { font-size: 20px; line-height: 1.3; margin: 40px 0 14px; padding-bottom: 6px; border-bottom: 1px solid #e1e5ea; }
        .kicker {
          margin: 0 0 6px; font-size: 12px; font-weight: 600; letter-spacing: 0.08em;
          text-transform: uppercase; color: #5b6472;
        }
        .description { margin: 0 0 20px; max-width: 72ch; color: #333b48; }
        .facts { display: flex; flex-wrap: wrap; gap: 12px 36px; margin: 0; }
        .facts dt { font-size: 12px; letter-spacing: 0.06em; text-transform: uppercase; color: #5b6472; }
        .facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        .faults { margin: 0; padding-left: 22px; }
        table { border-collapse: collapse; font-size: 15px; min-width: 60%; }
        th, td { padding: 5px 14px; border-bottom: 1px solid #eceff3; }
        thead th { text-align: right; vertical-align: bottom; border-bottom: 2px solid #c9ced6; overflow-wrap: anywhere; }
        thead th:first-child, tbody th { text-align: left; }
        tbody th { font-weight: normal; color: #333b48; }
        td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #f7f8fa; }
        .name, .kind, th .stopped { display: block; }
        th .stopped { font-size: 12px; font-weight: normal; color: #a3320b; }
        .kind { font-size: 12px; font-weight: normal; color: #5b6472; }
        tr.headline th, tr.headline td { font-weight: 700; background: #fff6db; }
        td.worse { color: #a3320b; }
        table.calls { margin-bottom: 12px; }
        th.text, td.text { text-align: left; }
        td.worse .mark { font-size: 11px; }
        figure { margin: 24px 0 36px; }
        @media (max-width: 760px) { main { padding: 24px 12px 32px; } table { font-size: 14px; } th, td { padding: 4px 8px; } }
        figure svg { display: block; width: 100%; height: auto; border: 1px solid #e1e5ea; border-radius: 6px; }
        figcaption { margin-top: 8px; font-size: 14px; color: #4a5362; }
        .verdict { margin: 0 0 24px; padding: 12px 16px; border-radius: 6px; border-left: 6px solid; font-size: 17px; }
        .verdict p { margin: 0; }
        .verdict.passed { background: #e6f4ea; border-color: #1e7b34; color: #14532d; }
        .verdict.failed { background: #fde8e8; border-color: #b42318; color: #7a1a12; }
        .verdict.nodata { background: #fff4e0; border-color: #b45309; color: #6b3a06; }
        .verdict.unjudged { background: #f1f3f6; border-color: #8a93a0; color: #333b48; }
        table.expectations td, table.expectations th { text-align: left; white-space: normal; vertical-align: top; }
        table.expectations thead th { white-space: nowrap; overflow-wrap: normal; }
        table.expectations td.outcome { white-space: nowrap; font-weight: 600; }
        table.expectations td.figure { white-space: nowrap; }
        tr.passed td.outcome { color: #1e7b34; }
        tr.failed td.outcome { color: #b42318; }
        tr.nodata td.outcome { color: #b45309; }
        td.why { color: #4a5362; font-size: 14px; overflow-wrap: anywhere; }
        footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid #e1e5ea; font-size: 13px; color: #6b7380; }

        """
}
