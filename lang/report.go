package lang

var reportMessages = map[Key]Message{}
