package sheet

// Staff enrolment lists (Options.Staff): the participants of a TeachHub
// module or non-formal activity. A row needs the staff id (in the
// student_id field), the names, the department and the position; the
// period is optional.

// staffRequiredFields are the required columns of a staff list, in message
// order.
var staffRequiredFields = [...]field{fStudentID, fFamilyName, fGivenName, fDepartment, fPosition}

// staffIDAliases are the extra headers of the staff id in a staff list.
func staffIDAliases() []string {
	return []string{"staff_id", "staff id", "staff number", "employee id", "employee number", "personnel number",
		"табельный номер", "табельный", "таб номер", "id сотрудника", "сотрудник id", "идентификатор сотрудника",
		"табель нөмірі", "қызметкер id", "қызметкердің id", "қызметкер идентификаторы"}
}

// staffOnly reports whether a field is read only from staff lists.
func staffOnly(f field) bool { return f == fDepartment || f == fPosition }

// addStaff makes the matcher recognise the staff list's columns.
func (m *matcher) addStaff() {
	for _, f := range [...]field{fDepartment, fPosition} {
		for _, a := range fieldSpecs[f].aliases {
			m.aliases[headerKey(a)] = f
		}
	}
	for _, a := range staffIDAliases() {
		m.aliases[headerKey(a)] = fStudentID
	}
}

// staff reads a staff row's department and position (required) and the
// cells of its optional period; ok is false for an empty or bad date cell.
func (c *rowCheck) staff(row *Row) (rawFrom string, okFrom bool, rawTo string, okTo bool) {
	ix := &c.rd.lay.index
	if v, ok := c.required(ix[fDepartment], maxCellLen); ok {
		if v, ok = c.line(ix[fDepartment], collapseSpaces(v)); ok {
			row.Department = v
		}
	}
	if v, ok := c.required(ix[fPosition], maxCellLen); ok {
		if v, ok = c.line(ix[fPosition], collapseSpaces(v)); ok {
			row.Position = v
		}
	}
	rawFrom, okFrom = c.cell(ix[fDateFrom], maxCellLen)
	rawTo, okTo = c.cell(ix[fDateTo], maxCellLen)
	return rawFrom, okFrom && rawFrom != "", rawTo, okTo && rawTo != ""
}
