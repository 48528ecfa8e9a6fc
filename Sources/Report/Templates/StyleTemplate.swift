extension BuiltInTemplates {
    /// The stylesheet. Colours differ in lightness as well as hue, so bars
    /// below target, E/M levels and hollow scatter points still read when printed in greyscale.
    static let style = """
        :root { --ink: #1b2a3a; --muted: #566575; --rule: #d5dce3; --paper: #ffffff; --wash: #f3f6f9;
          --bar: #6f9ccc; --below: #7a2e0e; --accent: #b5541c; --good: #1d6b3a; --bad: #a3281b; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 1080px; padding: 24px 20px 40px; color: var(--ink); background: var(--paper);
          font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
        h2 { font-size: 20px; margin: 36px 0 10px; padding-top: 12px; border-top: 2px solid var(--ink); }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--muted); }
        .period, .note, footer { color: var(--muted); font-size: 13px; }
        .lead { margin: 4px 0 12px; }
        .toc { list-style: none; padding: 0; margin: 12px 0 0; display: flex; flex-wrap: wrap; gap: 4px 16px;
          font-size: 13px; }
        .toc a { color: var(--ink); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; }
        .tile { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px 8px; background: var(--wash); }
        .tile h3 { margin: 0; font-size: 13px; font-weight: 600; color: var(--muted); }
        .tile-value { margin: 2px 0 0; font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .tile-detail { margin: 0 0 4px; font-size: 12px; color: var(--muted); }
        .change { margin: 0; font-size: 13px; font-weight: 600; }
        .change-good { color: var(--good); } .change-bad { color: var(--bad); } .change-neutral { color: var(--muted); }
        .tile svg.chart { width: 100%; height: 36px; }
        svg.chart { display: block; width: 100%; height: auto; max-width: 760px; }
        figure.chart-figure { margin: 12px 0 8px; }
        figcaption { font-size: 13px; font-weight: 600; margin-bottom: 4px; }
        .chart text { font-size: 11px; fill: var(--ink); }
        .chart .tick, .chart .axis-label { fill: var(--muted); }
        .chart .value { font-variant-numeric: tabular-nums; }
        .chart .strong { font-weight: 700; }
        .chart .flag { font-weight: 700; fill: var(--below); }
        .chart .grid { stroke: var(--rule); stroke-width: 1; }
        .chart .zero { stroke: var(--ink); stroke-width: 1.5; }
        .chart .bar { fill: var(--bar); }
        .chart .bar-below { fill: var(--below); }
        .chart .hatch-line { stroke: #ffffff; stroke-width: 2.5; }
        .chart .whisker { stroke: var(--ink); stroke-width: 1.5; }
        .chart .target { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 5 3; }
        .chart .target-label { font-weight: 600; }
        .chart .reference { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 2 3; }
        .chart .cumulative { fill: none; stroke: var(--accent); stroke-width: 2; }
        .chart .cumulative-point { fill: var(--paper); stroke: var(--accent); stroke-width: 2; }
        .chart .spark { fill: none; stroke: var(--ink); stroke-width: 1.5; }
        .chart .spark-end { fill: var(--ink); } .chart .spark-point { fill: var(--muted); }
        .chart .dot { fill: var(--bar); stroke: var(--ink); stroke-width: 1; }
        .chart .dot-below { fill: var(--paper); stroke: var(--below); stroke-width: 2.5; }
        .chart .level-1 { fill: #dbe7f3; } .chart .level-2 { fill: #a9c6e3; } .chart .level-3 { fill: #6f9ccc; }
        .chart .level-4 { fill: #3f6e9e; } .chart .level-5 { fill: #1c3d63; }
        .chart .level { stroke: var(--paper); stroke-width: 1; }
        .chart .segment-label { font-size: 10px; } .chart .segment-label.dark { fill: #ffffff; }
        .chart .muted { fill: var(--muted); font-style: italic; }
        .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-size: 12px; color: var(--muted); padding-bottom: 4px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
        tbody th { font-weight: 500; }
        .num { text-align: right; white-space: nowrap; }
        td.muted { color: var(--muted); font-style: italic; }
        tfoot th, tfoot td { border-top: 2px solid var(--ink); border-bottom: none; font-weight: 600; }
        .sentences { margin: 4px 0 8px; padding-left: 20px; }
        .code, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
        .badge { display: inline-block; font-size: 10px; font-weight: 600; text-transform: uppercase;
          letter-spacing: 0.04em; border: 1px solid var(--below); color: var(--below); border-radius: 3px;
          padding: 0 4px; white-space: nowrap; }
        .callout { border-left: 4px solid var(--below); background: var(--wash); padding: 8px 14px; margin: 8px 0 12px; }
        .callout h3 { margin-top: 4px; } .callout ul { margin: 4px 0; padding-left: 20px; }
        .empty { padding: 12px 14px; border: 1px dashed var(--rule); border-radius: 6px; color: var(--muted); }
        .definitions dt { font-weight: 600; margin-top: 10px; }
        .definitions dd { margin: 2px 0 0 0; }
        .formula { display: block; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
          font-size: 12px; color: var(--muted); }
        footer { margin-top: 32px; border-top: 1px solid var(--rule); padding-top: 8px; }
        @media (max-width: 600px) {
          body { padding: 16px 12px; font-size: 14px; }
          h1 { font-size: 22px; }
          .tile-value { font-size: 24px; }
        }
        @page { margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          table { font-size: 8.5pt; }
          nav { display: none; }
          .tiles { grid-template-columns: repeat(3, 1fr); gap: 8px; }
          .tile, figure.chart-figure, .callout, tr, dt, dd { break-inside: avoid; }
          h2, h3, figcaption, caption { break-after: avoid; }
          h2 { margin-top: 20px; }
          #definitions { break-before: page; }
          thead { display: table-header-group; }
          .table-wrap { overflow: visible; }
          svg.chart { max-width: 100%; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
