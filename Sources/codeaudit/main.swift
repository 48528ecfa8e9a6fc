import CLI

CodeAudit.main()
