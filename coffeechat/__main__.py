from coffeechat.cli.main import main

main()
