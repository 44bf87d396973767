package main

import (
	"fmt"

	"github.com/tanu-edu/tanu/lang"
)

// cliLang picks the language of a command's messages: the --lang flag
// (kk, kz, ru, en, қаз, рус, …), else the locale (LC_ALL, LC_MESSAGES,
// LANG), else def (the organization's language), else English.
func cliLang(e *env, flagValue, def string) (lang.Tag, error) {
	if flagValue != "" {
		t, ok := lang.Parse(flagValue)
		if !ok {
			return "", fmt.Errorf("%s", lang.EN.T(lang.CLIUnknownLang, flagValue))
		}
		return t, nil
	}
	if t, ok := lang.FromEnv(e.getenv); ok {
		return t, nil
	}
	return lang.ParseOr(def, lang.EN), nil
}
