//! `check` in time linear in what the data holds (issue 16, item 13): many distinct quotes, a
//! sum of many parts, a header of many columns. Each bound is several times what the linear code
//! takes in a debug build on a loaded machine, and a fraction of what the quadratic code took in a
//! release build.

use std::time::{Duration, Instant};

use crate::workdir::{Run, Workdir, EST, HEADER};

/// Runs `check` on `wd` and returns the run and how long it took.
fn timed_check(wd: &Workdir) -> (Run, Duration) {
    let start = Instant::now();
    let run = wd.run(&["check"]);
    (run, start.elapsed())
}

/// A dataset of one text and one source, with these quantity rows (after the header) and
/// estimate rows (after `id,`).
fn dataset(text: &str, quantities: &str, estimates: &str, relations: &str) -> Workdir {
    let wd = Workdir::new();
    wd.write("data/texts/t.txt", text);
    wd.write("data/sources.csv", "id,name,kind,note\ns,S,historian,\n");
    wd.write(
        "data/quantities.csv",
        format!(
            "id,label,category,unit,region,period_start,period_end,parent,description\n{quantities}"
        ),
    );
    wd.write(EST, format!("{HEADER}\n{estimates}"));
    wd.write(
        "data/relations.csv",
        format!("id,kind,target,operands,factor,quote,note\n{relations}"),
    );
    wd
}

// Regression: every distinct quote scanned the whole text, so 48,000 distinct quotes took 28.5 s
// (quadratic); quotes are now looked up through a suffix array of the text.
#[test]
fn many_distinct_quotes_are_checked_in_linear_time() {
    const N: usize = 40_000;
    let mut text = String::new();
    let mut estimates = String::new();
    for i in 0..N {
        let value = 1_000_000 + i;
        text.push_str(&format!("One register lists {value} deaths. "));
        estimates.push_str(&format!(
            "e{i},deaths,s,t,,{value},,exact,lists {value} deaths,\n"
        ));
    }
    let wd = dataset(&text, "deaths,Deaths,other,people,X,,,,\n", &estimates, "");
    let (run, took) = timed_check(&wd);
    run.code(0).stdout_has(&format!("{N} estimates"));
    // Debug build, loaded 2-core machine: about 10 s; before the fix over 120 s.
    assert!(took < Duration::from_secs(40), "check took {took:?}");
}

// Regression: a sum compared each pair of its parts for double counting, so a sum of 16,000
// parts took 21 s; parts are now compared through the quantities' places in the hierarchy.
#[test]
fn a_sum_of_many_parts_is_checked_in_linear_time() {
    const N: usize = 16_000;
    let mut quantities = String::from("total,Total,other,people,X,,,,\n");
    let mut estimates = format!("total,total,s,t,,{N},,exact,{N} deaths,\n");
    let mut operands = Vec::new();
    for i in 0..N {
        quantities.push_str(&format!("q{i},Part {i},other,people,X,,,total,\n"));
        estimates.push_str(&format!("p{i},q{i},s,t,,1,,exact,1 death,\n"));
        operands.push(format!("p{i}"));
    }
    let text = format!("The toll was {N} deaths, 1 death in each parish.");
    let relation = format!("r,sum,total,{},,,\n", operands.join(";"));
    let wd = dataset(&text, &quantities, &estimates, &relation);
    let (run, took) = timed_check(&wd);
    run.code(0).stdout_has("1 hold");
    // Debug build, loaded 2-core machine: about 4 s; before the fix 107 s.
    assert!(took < Duration::from_secs(30), "check took {took:?}");
}

// Regression: each column of the header was compared with every column before it and located
// by counting the characters of the line from its start, so 200,000 extra columns took 29 s.
#[test]
fn a_wide_header_is_checked_in_linear_time() {
    const N: usize = 200_000;
    let extra: Vec<String> = (0..N).map(|i| format!("x{i}")).collect();
    let blanks = ",".repeat(N);
    let wd = dataset(
        "The register lists 312 deaths.",
        "deaths,Deaths,other,people,X,,,,\n",
        "",
        "",
    );
    wd.write(
        EST,
        format!(
            "{HEADER},{}\ne1,deaths,s,t,,312,,exact,lists 312 deaths,{blanks}\n",
            extra.join(",")
        ),
    );
    let (run, took) = timed_check(&wd);
    run.code(0);
    // The last extra column is named at its own column of line 1.
    let column = HEADER.len() + 2 + extra[..N - 1].iter().map(|x| x.len() + 1).sum::<usize>();
    assert!(
        run.stdout.contains(&format!(
            "estimates.csv:1:{column}: warning[unknown-column]: column `x{}`",
            N - 1
        )),
        "{}",
        &run.stdout[run.stdout.len().saturating_sub(500)..]
    );
    // Debug build, loaded 2-core machine: about 20 s (200,000 warnings); before the fix over
    // 120 s.
    assert!(took < Duration::from_secs(60), "check took {took:?}");
}
