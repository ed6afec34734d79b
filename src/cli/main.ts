console.log('kg cli', process.argv.slice(2))
