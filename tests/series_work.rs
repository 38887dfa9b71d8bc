//! `Series::new` does about the same work per task however many notes there
//! are (issue 14): counted by a global allocator, so deterministic. One test
//! only, so that no other test thread allocates during a measurement.
//!
//! The old matcher compared every new task with every action ever seen and
//! allocated for each pair: on these notes its allocations per task were
//! 481, 943, 1,867 and 3,712 at 32, 64, 128 and 256 weeks; now 14.4 to 13.8
//! (and about 455 peak bytes per task).

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use minutes::{Meeting, Series};

/// `weeks` weekly notes: five chores with the same text every week, five
/// actions reworded every week (a week number in letters), five new ones
/// that share no word with any other (left open, so later dropped)
/// and, every other week, the chores ticked.
fn notes(weeks: usize) -> Vec<String> {
    let letters = |mut n: usize| {
        let mut word = String::from("w");
        loop {
            word.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                return word;
            }
        }
    };
    // Six pseudo-random letters: new actions share no word.
    let word = |n: usize| {
        let mut x = (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (0..6)
            .map(|_| {
                x ^= x >> 29;
                x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
                char::from(b'a' + (x >> 59) as u8 % 26)
            })
            .collect::<String>()
    };
    (0..weeks)
        .map(|week| {
            let mut note = format!("# Week {}\n\n## Actions\n\n", 1000 + week);
            let mark = if week % 2 == 0 { " " } else { "x" };
            for chore in [
                "Update the changelog",
                "Triage new issues",
                "Review open pull requests",
                "Post the agenda",
                "Book the room",
            ] {
                note.push_str(&format!("- [{mark}] {chore} @ann\n"));
            }
            for topic in [
                "release notes",
                "security policy",
                "roadmap draft",
                "website copy",
                "survey results",
            ] {
                note.push_str(&format!("- [ ] Review the {topic} for {}\n", letters(week)));
            }
            for i in 0..5 {
                let words: Vec<String> = (0..3).map(|w| word(week * 15 + i * 3 + w)).collect();
                note.push_str(&format!("- [ ] Look into {}\n", words.join(" ")));
            }
            note
        })
        .collect()
}

#[test]
fn work_per_task_does_not_grow_with_the_notes() {
    let mut per_task = Vec::new();
    for weeks in [32, 64, 128, 256] {
        let texts = notes(weeks);
        let meetings: Vec<Meeting<'_>> = texts.iter().map(|t| minutes::parse(t)).collect();
        let (series, usage) = counting_alloc::measure(|| Series::new(&meetings));
        let tasks = weeks * 15;
        assert_eq!(
            series
                .actions
                .iter()
                .map(|a| a.sightings.len())
                .sum::<usize>(),
            tasks
        );
        drop(series);
        per_task.push((
            usage.allocations as f64 / tasks as f64,
            usage.peak_bytes as f64 / tasks as f64,
        ));
    }
    let (first, last) = (per_task[0], per_task[per_task.len() - 1]);
    assert!(
        last.0 < first.0 * 1.3 && last.1 < first.1 * 1.3,
        "allocations and peak bytes per task, 32 to 256 weeks: {per_task:?}"
    );
}
