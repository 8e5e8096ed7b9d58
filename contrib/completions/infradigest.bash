# bash completion for infradigest(1). Installed as
# share/bash-completion/completions/infradigest; needs nothing from the
# bash-completion package, so `source`-ing this file is enough.
# Keep the lists in step with `infradigest help COMMAND` (a test compares them).

_infradigest() {
  local cur prev cmd i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="run sync report query import export explain site publish config help version"
  local globals="--config --db --now --help"

  # The subcommand: the first word that is neither an option nor a global option's value.
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --config | --db | --now) ((i++)) ;;
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done

  case $prev in
    --config | --db | -o | --output)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --period) COMPREPLY=($(compgen -W "day week month" -- "$cur")); return ;;
    --type) COMPREPLY=($(compgen -W "commit pr issue release" -- "$cur")); return ;;
    --kind) COMPREPLY=($(compgen -W "feature perf fix revert release deps refactor test ci/build docs chore bug" -- "$cur")); return ;;
    --format)
      case $cmd in
        report) COMPREPLY=($(compgen -W "md json" -- "$cur")) ;;
        query) COMPREPLY=($(compgen -W "table json" -- "$cur")) ;;
        explain) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
      esac
      return ;;
    --now | --budget | --date | --since | --until | --repo | --tag | --text | --limit | --timezone | --days | --base-url | --target)
      return ;;
  esac

  if [ -z "$cmd" ]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "$globals -V --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return
  fi

  local opts=""
  case $cmd in
    run) opts="-v --verbose --budget --no-llm --retry-llm" ;;
    sync) opts="--date --since --until -v --verbose --budget" ;;
    report) opts="--date --period --lang --format -o --output --timezone --archive --no-llm --retry-llm --recompose" ;;
    query) opts="--repo --tag --kind --type --text --since --until --timezone --limit --format --json" ;;
    import) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    export) opts="-o --output" ;;
    explain) opts="--format" ;;
    site) opts="-o --output --lang --timezone --days --base-url --rebuild" ;;
    publish) opts="--date --lang --target --dry-run --resend" ;;
    config) [[ $cur != -* ]] && { COMPREPLY=($(compgen -W "show" -- "$cur")); return; } ;;
    help) [[ $cur != -* ]] && { COMPREPLY=($(compgen -W "$commands" -- "$cur")); return; } ;;
  esac
  COMPREPLY=($(compgen -W "$opts $globals" -- "$cur"))
}
complete -F _infradigest infradigest
