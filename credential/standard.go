package credential

// ProfessionalStandardNone is what a program states as its professional
// standard when it is based on none: the phrase the regulation fixes
// (Appendix B, line 9), in Kazakh as the registry keeps it.
const ProfessionalStandardNone = "еңбек нарығының өзекті талаптарына және тиісті еңбек функцияларында анықталған біліктіліктерге сәйкес"
