package lang

var cliMessages = map[Key]Message{}
