//! Short references resolved from the note's context, once the whole note
//! is read.
//!
//! Text is scanned without a repository, so `#12` and `GH-12` come out
//! with neither owner nor repository and `rust#12` with a repository but no
//! owner. At the end one pass gives each the first repository of:
//!
//! 1. the nearest enclosing heading that names one: its text is only
//!    `owner/repo` (`### nodejs/node`), or else its references (links,
//!    URLs, `owner/repo#N`) all name one repository;
//! 2. the note's home repository: the one repository that the note's
//!    written-out references (URLs and `owner/repo#N`) name, when they name
//!    exactly one;
//! 3. [`Options::default_repository`](crate::Options::default_repository).
//!
//! `repo#N` keeps its repository and takes only the owner, of the same
//! first context; for it, rule 2 needs only one owner: the note's
//! written-out references may name several repositories of one owner
//! (`rust-lang/rust` and `rust-lang/rfcs` make `lang-team#71` one of
//! `rust-lang`). Where no rule applies, the reference stays unresolved.

use std::borrow::Cow;
use std::collections::HashSet;

use super::dedup::dedup_references;
use crate::inline::RepoContext;
use crate::model::{Item, Meeting, Reference, Section};

/// The repository of the enclosing headings from each offset on: one mark
/// wherever the innermost open section changes, offsets non-decreasing.
#[derive(Default)]
pub(super) struct Contexts<'a> {
    marks: Vec<(usize, Option<RepoContext<'a>>)>,
}

impl<'a> Contexts<'a> {
    /// From `at` on, text is under the headings whose repository is `repo`.
    pub(super) fn mark(&mut self, at: usize, repo: Option<&RepoContext<'a>>) {
        let now = self.marks.last().and_then(|(_, repo)| repo.as_ref());
        if now == repo {
            // Most notes name no repository in any heading.
            return;
        }
        let at = self.marks.last().map_or(at, |(last, _)| at.max(*last));
        self.marks.push((at, repo.cloned()));
    }

    /// The headings' repository at `offset`.
    fn at(&self, offset: usize) -> Option<&RepoContext<'a>> {
        let index = self.marks.partition_point(|(at, _)| *at <= offset);
        index
            .checked_sub(1)
            .and_then(|i| self.marks.get(i))
            .and_then(|(_, repo)| repo.as_ref())
    }
}

/// The one repository that `references` name with owner and name, if they
/// name exactly one (compared case-insensitively).
pub(super) fn single_repository<'r, 'a: 'r>(
    references: impl IntoIterator<Item = &'r Reference<'a>>,
) -> Option<RepoContext<'a>> {
    let mut found: Option<RepoContext<'a>> = None;
    for reference in references {
        let (Some(owner), Some(repo)) = (&reference.owner, &reference.repo) else {
            continue;
        };
        match &found {
            Some(seen) => {
                if !(seen.owner.eq_ignore_ascii_case(owner) && seen.repo.eq_ignore_ascii_case(repo))
                {
                    return None;
                }
            }
            None => {
                found = Some(RepoContext {
                    owner: owner.clone(),
                    repo: repo.clone(),
                })
            }
        }
    }
    found
}

/// The one owner that `references` name with owner and repository, if
/// they name exactly one (compared case-insensitively).
fn single_owner<'r, 'a: 'r>(
    references: impl IntoIterator<Item = &'r Reference<'a>>,
) -> Option<Cow<'a, str>> {
    let mut found: Option<&Cow<'a, str>> = None;
    for reference in references {
        let (Some(owner), Some(_)) = (&reference.owner, &reference.repo) else {
            continue;
        };
        match found {
            Some(seen) if !seen.eq_ignore_ascii_case(owner) => return None,
            Some(_) => {}
            None => found = Some(owner),
        }
    }
    found.cloned()
}

/// Resolves every short reference of `meeting` by the rules of the module,
/// in one pass over its reference lists (after one to find the home).
pub(super) fn resolve<'a>(
    meeting: &mut Meeting<'a>,
    contexts: &Contexts<'a>,
    default: Option<&RepoContext<'a>>,
) {
    let mut lists = reference_lists(meeting);
    if !lists
        .iter()
        .flat_map(|list| list.iter())
        .any(|r| r.owner.is_none())
    {
        return;
    }
    let home = single_repository(lists.iter().flat_map(|list| list.iter()));
    let home_owner = single_owner(lists.iter().flat_map(|list| list.iter()));
    for list in &mut lists {
        if !list.iter().any(|r| r.owner.is_none()) {
            continue;
        }
        let written: Vec<bool> = list.iter().map(|r| r.owner.is_some()).collect();
        for reference in list.iter_mut().filter(|r| r.owner.is_none()) {
            let context = contexts.at(reference.span.start);
            if reference.repo.is_some() {
                // `repo#N`: only the owner is wanted.
                reference.owner = context
                    .map(|c| &c.owner)
                    .or(home_owner.as_ref())
                    .or(default.map(|c| &c.owner))
                    .cloned();
                continue;
            }
            if let Some(repo) = context.or(home.as_ref()).or(default) {
                reference.owner = Some(repo.owner.clone());
                reference.repo = Some(repo.repo.clone());
            }
        }
        if list.len() > 1 {
            drop_short_forms_of_written(list, &written);
            // `rust#5` and `rust-lang/rust#5` in one block are one issue.
            let mut found = std::mem::take(&mut **list);
            **list = dedup_references(&mut found, true);
        }
    }
}

/// Every list of references of the model: headings, paragraphs, items
/// (children included) and action lines.
fn reference_lists<'m, 'a>(meeting: &'m mut Meeting<'a>) -> Vec<&'m mut Vec<Reference<'a>>> {
    let mut lists = Vec::new();
    let mut items: Vec<&'m mut Item<'a>> = Vec::new();
    let mut sections: Vec<&'m mut Section<'a>> = Vec::new();
    lists.extend(
        meeting
            .paragraph_info
            .iter_mut()
            .map(|p| &mut p.references)
            .filter(|r| !r.is_empty()),
    );
    items.extend(meeting.items.iter_mut());
    items.extend(meeting.action_lines.iter_mut());
    sections.extend(meeting.sections.iter_mut());
    while let Some(section) = sections.pop() {
        let Section {
            references,
            paragraph_info,
            items: section_items,
            sections: subsections,
            ..
        } = section;
        if !references.is_empty() {
            lists.push(references);
        }
        lists.extend(
            paragraph_info
                .iter_mut()
                .map(|p| &mut p.references)
                .filter(|r| !r.is_empty()),
        );
        items.extend(section_items.iter_mut());
        sections.extend(subsections.iter_mut());
    }
    while let Some(item) = items.pop() {
        let Item {
            references,
            children,
            ..
        } = item;
        if !references.is_empty() {
            lists.push(references);
        }
        items.extend(children.iter_mut());
    }
    lists
}

/// Drops the short references (`written` false) that name an issue the
/// same block writes out (`written` true): `#63599 [](…/rust/issues/63599)`
/// is that URL's issue, with its kind and anchors.
fn drop_short_forms_of_written(list: &mut Vec<Reference<'_>>, written: &[bool]) {
    let is_written = |index: usize| written.get(index).copied().unwrap_or(true);
    if list.len() <= 16 {
        // Short lists (nearly all): compared pair by pair, no set to build.
        let mut drop = vec![false; list.len()];
        for (i, short) in list.iter().enumerate().filter(|(i, _)| !is_written(*i)) {
            let named = list
                .iter()
                .enumerate()
                .any(|(j, r)| is_written(j) && r.number.is_some() && r.same_target(short));
            if let Some(flag) = drop.get_mut(i) {
                *flag = named;
            }
        }
        let mut index = 0;
        list.retain(|_| {
            let keep = !drop.get(index).copied().unwrap_or(false);
            index += 1;
            keep
        });
        return;
    }
    let key = |r: &Reference<'_>| {
        (
            r.owner.as_deref().map(str::to_ascii_lowercase),
            r.repo.as_deref().map(str::to_ascii_lowercase),
            r.number,
        )
    };
    let targets: HashSet<_> = list
        .iter()
        .zip(written)
        .filter(|(r, written)| **written && r.number.is_some())
        .map(|(r, _)| key(r))
        .collect();
    if targets.is_empty() {
        return;
    }
    let mut index = 0;
    list.retain(|r| {
        let keep = is_written(index) || !targets.contains(&key(r));
        index += 1;
        keep
    });
}
