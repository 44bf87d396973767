package lang

var sheetMessages = map[Key]Message{}
