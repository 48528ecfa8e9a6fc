#ifndef CODEAUDIT_CICD10_H
#define CODEAUDIT_CICD10_H

/// The ICD-10-CM billable codes, without dots, sorted, each followed by '\n'.
const char *codeaudit_icd10cm_billable_codes(void);

/// The ICD-10-CM Excludes1 notes, one (scope, target) pair a line, sorted, each
/// line `SCOPE\tTARGET\n`, without dots. SCOPE is the code or category holding
/// the note, or a section's or chapter's range (`A15-A19`); TARGET is a code
/// (`A1832`), a prefix (`K50-`) or an inclusive range (`C00-C96`).
const char *codeaudit_icd10cm_excludes1_notes(void);

#endif
