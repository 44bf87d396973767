package lang

var teachhubMessages = map[Key]Message{}
