//! Phone and print (issue 14): charts drawn for a narrow column, `chart --width` and `--scale`,
//! and the report measured in headless Chromium at a phone's and a desktop's width.

use crate::test_report::{chromium_or_skip, headless_page};
use crate::workdir::Workdir;

/// The `(x, y)` of the `<text>` element whose content is `label`.
fn text_at(svg: &str, label: &str) -> (i32, i32) {
    let end = svg
        .find(&format!(">\n{label}\n</text>"))
        .unwrap_or_else(|| panic!("no text `{label}`"));
    let start = svg[..end].rfind("<text ").unwrap();
    let attr = |name: &str| -> i32 {
        let tag = &svg[start..end];
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    (attr("x"), attr("y"))
}

/// The centres of the filled dots an SVG draws (radius 5: a forest's central values).
fn dots(svg: &str) -> Vec<(i32, i32)> {
    svg.lines()
        .filter(|l| l.starts_with("<circle") && l.contains(" r=\"5\""))
        .map(|l| {
            let num = |name: &str| -> i32 {
                let at = l.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                l[at..].split('"').next().unwrap().parse().unwrap()
            };
            (num("cx"), num("cy"))
        })
        .collect()
}

/// The opening tag's `width`, `height` and `viewBox`.
fn page(svg: &str) -> (String, String, String) {
    let head = &svg[..svg.find('>').unwrap()];
    let attr = |name: &str| -> String {
        let at = head.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        head[at..].split('"').next().unwrap().to_string()
    };
    (attr("width"), attr("height"), attr("viewBox"))
}

/// `chart --width 360` lays a forest out for a phone: the page is 360 px wide and each
/// source's name stands above its dot (same left edge for every label, the dot below it),
/// where the desktop layout sets the names in a column left of the dots, on their line.
#[test]
fn a_narrow_chart_puts_each_label_above_its_row() {
    let wd = Workdir::with_shipped_data();
    let name = "forest-great_purge_executions_1937_38";
    wd.run(&["chart", "--out", "narrow", "--width", "360", name])
        .code(0);
    wd.run(&["chart", "--out", "wide", name]).code(0);
    let narrow = wd.read(&format!("narrow/{name}.svg"));
    let wide = wd.read(&format!("wide/{name}.svg"));
    assert_eq!(page(&narrow).0, "360");
    assert_eq!(page(&wide).0, "1000");
    // The three sources of the article's Great Purge figures, lowest central value first.
    let sources = [
        "Soviet archival records",
        "Historians in light of the Soviet archives",
        "Robert Conquest",
    ];
    let (narrow_dots, wide_dots) = (dots(&narrow), dots(&wide));
    assert_eq!(narrow_dots.len(), 3);
    assert_eq!(wide_dots.len(), 3);
    for (k, source) in sources.iter().enumerate() {
        let (x, y) = text_at(&narrow, source);
        let (_, dot_y) = narrow_dots[k];
        assert!(
            dot_y > y + 10 && dot_y < y + 50,
            "{source}: label at y {y}, dot at {dot_y}"
        );
        assert!(x < 30, "{source} starts at x {x}");
        let (wx, wy) = text_at(&wide, source);
        let (wide_dot_x, wide_dot_y) = wide_dots[k];
        assert!(
            (wy - wide_dot_y).abs() < 12 && wx < wide_dot_x,
            "desktop: {source} at ({wx}, {wy}), dot at ({wide_dot_x}, {wide_dot_y})"
        );
    }
}

/// `--scale 2` draws text and strokes twice as large on a chart of the requested width: the
/// layout is half as wide (its viewBox) and the file keeps the width; the PNG follows.
#[test]
fn a_scaled_chart_keeps_its_width_and_grows_its_text() {
    let wd = Workdir::with_shipped_data();
    let name = "forest-great_purge_executions_1937_38";
    wd.run(&["chart", "--out", "plain", "--width", "500", name])
        .code(0);
    wd.run(&[
        "chart", "--out", "slides", "--width", "1000", "--scale", "2", name,
    ])
    .code(0);
    let plain = wd.read(&format!("plain/{name}.svg"));
    let slides = wd.read(&format!("slides/{name}.svg"));
    let (w, h, view) = page(&slides);
    let plain_height: u32 = page(&plain).1.parse().unwrap();
    assert_eq!(w, "1000");
    assert_eq!(h, (2 * plain_height).to_string());
    assert_eq!(view, format!("0 0 500 {plain_height}"));
    // The same drawing inside: only the opening tag differs.
    assert_eq!(
        &slides[slides.find('>').unwrap()..],
        &plain[plain.find('>').unwrap()..]
    );
    let png = std::fs::read(wd.path(&format!("slides/{name}.png"))).unwrap();
    let size = reckon::present::chart::png_size(&png).unwrap();
    assert_eq!(size, (2000, 4 * plain_height));
}

#[test]
fn a_chart_too_narrow_for_its_scale_is_refused() {
    let wd = Workdir::with_shipped_data();
    wd.run(&["chart", "--width", "300", "--scale", "2"])
        .code(2)
        .stderr_has("lays a chart out on 150 px, and a chart needs at least 240");
    wd.run(&["chart", "--scale", "9"])
        .code(2)
        .stderr_has("is not a scale: give a number from 0.5 to 4");
    wd.run(&["chart", "--width", "100"]).code(2);
    assert!(!wd.path("charts").exists(), "nothing is written");
}

/// What the probe (tests/fixtures/phone/probe.js) measured in the report at one width.
#[derive(Debug, serde::Deserialize)]
struct Probe {
    min: f64,
    labels: usize,
    smallest: String,
    outside: Vec<String>,
    overlaps: Vec<String>,
    page: u32,
    viewport: u32,
}

/// Loads `report` in headless Chromium inside a frame `width` CSS px wide (a window cannot be
/// narrower than 500 px, a frame can) and returns what the probe measured.
fn measure(bin: &std::path::Path, wd: &Workdir, report: &str, width: u32) -> Probe {
    let probe = include_str!("fixtures/phone/probe.js");
    let html = wd
        .read(report)
        .replace("</body>", &format!("<script>{probe}</script></body>"));
    wd.write("probed.html", html);
    wd.write(
        "frame.html",
        format!(
            "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" src=\"probed.html\" style=\"width:{width}px;height:2000px;border:0\"></iframe>\
             <script>document.getElementById('f').addEventListener('load', function () {{\
             var p = document.createElement('pre'); p.id = 'result';\
             p.textContent = this.contentDocument.getElementById('probe').textContent;\
             document.body.appendChild(p); }});</script></body></html>"
        ),
    );
    let flags = [
        "--allow-file-access-from-files",
        "--window-size=1400,2000",
        "--dump-dom",
    ];
    let flags: Vec<String> = flags.iter().map(|f| f.to_string()).collect();
    let out = headless_page(bin, wd, "frame.html", &flags);
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom
        .find("<pre id=\"result\">")
        .unwrap_or_else(|| panic!("the probe did not report: {dom:.2000}"))
        + 17;
    let json = dom[start..start + dom[start..].find("</pre>").unwrap()]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// Issue 14's bar, measured the way a reader sees it: on a 390 px wide screen every chart label
/// in the report is at least 9 CSS px (the desktop drawings shrunk to the column were under 8),
/// no label leaves its chart or covers another, and the page does not scroll sideways. The same
/// holds on a small tablet (700), just above the width where the desktop drawings take over
/// (929) and on a desktop (1280). Shipped data and the second (Great Chinese Famine) dataset.
#[test]
fn every_chart_label_in_the_report_is_legible_on_a_phone() {
    let Some(bin) = chromium_or_skip("every_chart_label_in_the_report_is_legible_on_a_phone")
    else {
        return;
    };
    let wd = Workdir::with_shipped_data();
    wd.run(&["report", "-o", "shipped.html"]).code(0);
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/great-chinese-famine")
        .display()
        .to_string();
    wd.run(&["report", "--data", &example, "-o", "famine.html"])
        .code(0);
    for report in ["shipped.html", "famine.html"] {
        for width in [390, 700, 929, 1280] {
            let p = measure(&bin, &wd, report, width);
            assert_eq!(p.viewport, width, "{report}: the frame sets the viewport");
            assert!(p.labels > 150, "{report} at {width}: {p:?}");
            assert!(
                p.min >= 9.0,
                "{report} at {width} px: `{}` is {:.1} CSS px",
                p.smallest,
                p.min
            );
            assert!(p.outside.is_empty(), "{report} at {width}: {p:?}");
            assert!(p.overlaps.is_empty(), "{report} at {width}: {p:?}");
            // The page is no wider than the frame (a scroll bar takes up to 20 px of it).
            assert!(p.page <= width, "{report} at {width}: {p:?}");
        }
    }
}
