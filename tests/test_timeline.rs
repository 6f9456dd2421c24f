//! `reckon chart timeline-QUANTITY` and `--order year`: estimates by the year they were made,
//! on a small dataset of dated sources with a survey and a restatement.

use crate::workdir::Workdir;

const TEXT: &str = "The provincial reports of 1962 spoke of about 2 million deaths. In 1984 \
the demographer Coale estimated 27 million excess deaths. Peng in 1987 gave 23 million. Yang \
Jisheng in 2008 counted 36 million. Estimates of the toll range from 15 million to 55 million. \
Yang's 36 million is the figure most textbooks give.\n";

/// Five dated figures of one quantity: four sources, a survey and a restatement of Yang's.
fn dated() -> Workdir {
    let wd = Workdir::new();
    wd.write("data/texts/article.txt", TEXT);
    wd.write(
        "data/sources.csv",
        "id,name,kind,note,year\n\
         reports,Provincial reports,official,,1962\n\
         coale,Ansley Coale,historian,,1984\n\
         peng,Peng Xizhi,historian,,1987\n\
         yang,Yang Jisheng,historian,,2008\n\
         article,The article,article,,2015\n",
    );
    wd.write(
        "data/quantities.csv",
        "id,label,category,unit,region,period_start,period_end,parent,description\n\
         famine_deaths,Famine deaths,famine_deaths,people,China,1959,1961,,\n",
    );
    wd.write(
        "data/estimates.csv",
        "id,quantity,source,text,low,point,high,qualifier,quote,note,restates\n\
         e_reports,famine_deaths,reports,article,,2000000,,about,about 2 million deaths,,\n\
         e_coale,famine_deaths,coale,article,,27000000,,exact,27 million excess deaths,,\n\
         e_peng,famine_deaths,peng,article,,23000000,,exact,gave 23 million,,\n\
         e_yang,famine_deaths,yang,article,,36000000,,exact,counted 36 million,,\n\
         e_range,famine_deaths,article,article,15000000,,55000000,survey,range from 15 million to 55 million,,\n\
         e_yang_again,famine_deaths,article,article,,36000000,,exact,Yang's 36 million,,e_yang\n",
    );
    wd
}

/// The text of every `<text>` element of an SVG, trimmed, in document order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_string())
        })
        .collect()
}

#[test]
fn a_timeline_is_named_and_drawn_by_year() {
    let wd = dated();
    wd.run(&[
        "chart",
        "--out",
        "charts",
        "--format",
        "svg",
        "timeline-famine_deaths",
    ])
    .code(0);
    assert_eq!(
        crate::workdir::listing(&wd.path("charts")),
        ["timeline-famine_deaths.svg"]
    );
    let texts = texts(&wd.read("charts/timeline-famine_deaths.svg"));
    // The years the sources published, 1962 to 2015, on a tick every five years.
    for needle in [
        "Famine deaths: estimates by year",
        "1970",
        "1990",
        "2010",
        "year the estimate was made",
        "Ansley Coale",
        "survey: The article",
        "The article (restates)",
        "hollow: restates another estimate (counted once)",
        "survey of estimates (not counted)",
    ] {
        assert!(
            texts.iter().any(|t| t == needle),
            "timeline lacks `{needle}`: {texts:?}"
        );
    }
}

#[test]
fn naming_the_quantity_draws_its_forest_and_its_timeline() {
    let wd = dated();
    wd.run(&[
        "chart",
        "--out",
        "charts",
        "--format",
        "svg",
        "famine_deaths",
    ])
    .code(0);
    assert!(wd.path("charts/forest-famine_deaths.svg").exists());
    assert!(wd.path("charts/timeline-famine_deaths.svg").exists());
    let forest = texts(&wd.read("charts/forest-famine_deaths.svg"));
    // The survey is a band, labelled with the text's range; the median is of 2, 23, 27 and 36
    // million (the survey and the restatement left out): 25 million.
    assert!(
        forest.contains(&"survey: estimates range 15–55 million · The article, 2015".to_string()),
        "{forest:?}"
    );
    assert!(
        forest.contains(&"median 25 million".to_string()),
        "{forest:?}"
    );
}

#[test]
fn without_two_dated_estimates_there_is_no_timeline() {
    let wd = dated();
    wd.write(
        "data/sources.csv",
        "id,name,kind,note\nreports,Provincial reports,official,\ncoale,Ansley Coale,historian,\n\
         peng,Peng Xizhi,historian,\nyang,Yang Jisheng,historian,\narticle,The article,article,\n",
    );
    wd.run(&["chart", "--out", "charts", "timeline-famine_deaths"])
        .code(2)
        .stderr_has("no chart for `timeline-famine_deaths`");
}

#[test]
fn order_year_puts_forest_rows_in_the_order_of_years() {
    let wd = dated();
    let labels = |dir: &str| -> Vec<String> {
        texts(&wd.read(&format!("{dir}/forest-famine_deaths.svg")))
            .into_iter()
            .filter(|t| t.contains(", 19") || t.contains(", 20"))
            .filter(|t| !t.starts_with("survey"))
            .collect()
    };
    wd.run(&[
        "chart",
        "--out",
        "value",
        "--format",
        "svg",
        "famine_deaths",
    ])
    .code(0);
    // By value: 2, 23, 27, 36 and 36 million; of the two 36 millions, the article's first.
    assert_eq!(
        labels("value"),
        [
            "Provincial reports, 1962",
            "Peng Xizhi, 1987",
            "Ansley Coale, 1984",
            "The article, 2015",
            "Yang Jisheng, 2008"
        ]
    );
    wd.run(&[
        "build", "--order", "year", "--charts", "year", "--out", "out",
    ])
    .code(0);
    assert_eq!(
        labels("year"),
        [
            "Provincial reports, 1962",
            "Ansley Coale, 1984",
            "Peng Xizhi, 1987",
            "Yang Jisheng, 2008",
            "The article, 2015"
        ]
    );
    // The report shows the timeline beside the forest.
    assert!(wd
        .read("out/report.html")
        .contains("Famine deaths: estimates by year"));
}
