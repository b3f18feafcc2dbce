from mmrouter.cli import main

raise SystemExit(main())
