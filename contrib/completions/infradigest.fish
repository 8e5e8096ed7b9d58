# fish completion for infradigest(1); installed into share/fish/vendor_completions.d.
set -l commands run sync report query import export explain site publish config help version
complete -c infradigest -f
complete -c infradigest -n "not __fish_seen_subcommand_from $commands" -a "$commands"
complete -c infradigest -l config -r -F -d 'Configuration file (TOML)'
complete -c infradigest -l db -r -F -d 'SQLite store'
complete -c infradigest -l now -x -d 'Pretend the current time is this (ISO 8601)'
complete -c infradigest -s h -l help -d 'Show help'
complete -c infradigest -n "not __fish_seen_subcommand_from $commands" -s V -l version -d 'Print the version'
complete -c infradigest -n "__fish_seen_subcommand_from help" -a "$commands"
complete -c infradigest -n "__fish_seen_subcommand_from config" -a show
complete -c infradigest -n "__fish_seen_subcommand_from import" -F
complete -c infradigest -n "__fish_seen_subcommand_from run sync" -s v -l verbose -d 'Log every GitHub request'
complete -c infradigest -n "__fish_seen_subcommand_from run sync" -l budget -x -d 'At most N rate-limited GitHub requests'
complete -c infradigest -n "__fish_seen_subcommand_from run report" -l no-llm -d 'Rule-based report only'
complete -c infradigest -n "__fish_seen_subcommand_from run report" -l retry-llm -d 'Ask the LLM again after a rejection'
complete -c infradigest -n "__fish_seen_subcommand_from report sync publish" -l date -x -d 'Day YYYY-MM-DD'
complete -c infradigest -n "__fish_seen_subcommand_from sync query" -l since -x
complete -c infradigest -n "__fish_seen_subcommand_from sync query" -l until -x
complete -c infradigest -n "__fish_seen_subcommand_from report site publish" -l lang -x -a 'zh en' -d 'Language'
complete -c infradigest -n "__fish_seen_subcommand_from report" -l period -x -a 'day week month'
complete -c infradigest -n "__fish_seen_subcommand_from report" -l format -x -a 'md json'
complete -c infradigest -n "__fish_seen_subcommand_from query" -l format -x -a 'table json'
complete -c infradigest -n "__fish_seen_subcommand_from explain" -l format -x -a 'text json'
complete -c infradigest -n "__fish_seen_subcommand_from report export site" -s o -l output -r -F
complete -c infradigest -n "__fish_seen_subcommand_from report query site" -l timezone -x
complete -c infradigest -n "__fish_seen_subcommand_from report" -l archive -d 'Also write the archive'
complete -c infradigest -n "__fish_seen_subcommand_from report" -l recompose
complete -c infradigest -n "__fish_seen_subcommand_from query" -l repo -x
complete -c infradigest -n "__fish_seen_subcommand_from query" -l tag -x
complete -c infradigest -n "__fish_seen_subcommand_from query" -l kind -x -a 'feature perf fix revert release deps refactor test ci/build docs chore bug'
complete -c infradigest -n "__fish_seen_subcommand_from query" -l type -x -a 'commit pr issue release'
complete -c infradigest -n "__fish_seen_subcommand_from query" -l text -x
complete -c infradigest -n "__fish_seen_subcommand_from query" -l limit -x
complete -c infradigest -n "__fish_seen_subcommand_from query" -l json
complete -c infradigest -n "__fish_seen_subcommand_from site" -l days -x
complete -c infradigest -n "__fish_seen_subcommand_from site" -l base-url -x
complete -c infradigest -n "__fish_seen_subcommand_from site" -l rebuild
complete -c infradigest -n "__fish_seen_subcommand_from publish" -l target -x
complete -c infradigest -n "__fish_seen_subcommand_from publish" -l dry-run
complete -c infradigest -n "__fish_seen_subcommand_from publish" -l resend
