#ifndef CODEAUDIT_CICD10_H
#define CODEAUDIT_CICD10_H

/// The ICD-10-CM billable codes, without dots, sorted, each followed by '\n'.
const char *codeaudit_icd10cm_billable_codes(void);

#endif
