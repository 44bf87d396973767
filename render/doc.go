// Package render turns a certificate's data into a print-ready PDF.
//
// A [Renderer] is built once per process with [New] from a template file
// system (templates.FS, or os.DirFS of an edited copy) and the issuer's
// [Branding]. New parses every layout, font and image once and fails on any
// mistake in them. [Renderer.Render] then writes one [Certificate] as PDF
// bytes to an io.Writer; it is safe for concurrent use, never touches the
// network or a database, and is deterministic: the same certificate renders
// to the same bytes (the PDF creation date is the issue date), so PDFs can be
// cached with an ETag and pinned by golden tests.
//
// Layouts:
//   - microqualification: page 1 follows Appendix B («Б қосымшасы») of the
//     Satbayev University microqualification regulation (certificate number,
//     organization, holder, study period, program, hours and credits, NQF
//     level in number and words, form of study, commission decision and the
//     microqualification awarded, competencies with letter grades, head's
//     signature line, registration number, issue date, М.О., unique
//     identifier, QR code); page 2 is the transcript of sec. 6.2.2.
//   - teachhub_module and nonformal_activity: the KazNMU completion
//     certificate (participant, department, position, module, contact and
//     self-study hours, credit units СБ = hours / 30, facilitators,
//     coordinator, competencies).
//
// Wording, sizes and positions live in the templates (see templates/README.md);
// this package parses those layout files and typesets them (typeset.go). All text is real text in embedded,
// per-document subset fonts, and the QR code is drawn as vector squares at
// least 25 mm wide. All PDF library calls are in the pdfdoc subpackage.
package render
