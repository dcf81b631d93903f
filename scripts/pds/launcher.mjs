// Starts an in-memory PLC directory and a Bluesky PDS, both on 127.0.0.1,
// for Tandem's tests. Run with Node 22 by tests/publishing/pds_server.py:
//   node launcher.mjs <folder holding node_modules>
// The PDS_* settings (data folder, secrets) come from the environment.
// Prints one JSON line {"pds": url, "plc": url} on stdout once both listen,
// and stops on SIGTERM/SIGINT or when stdin closes (its parent went away).
import { createRequire } from 'node:module'
import net from 'node:net'
import { pathToFileURL } from 'node:url'

const HOST = '127.0.0.1'
const require = createRequire(`${process.argv[2]}/`)
const load = (name) => import(pathToFileURL(require.resolve(name)).href)

// Both servers call app.listen(port) and so bind every interface.
const bindLoopback = (app) => {
  const listen = app.listen.bind(app)
  app.listen = (port, ...rest) => listen(port, HOST, ...rest)
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

const plcModule = await load('@did-plc/server')
const plcLib = plcModule.default ?? plcModule
const plc = plcLib.PlcServer.create({ db: plcLib.Database.mock(), port: 0 })
bindLoopback(plc.app)
const plcServer = await plc.start()
// The PDS refuses an IP address as a hostname when it resolves DID documents.
process.env.PDS_DID_PLC_URL = `http://localhost:${plcServer.address().port}`

const { PDS } = await load('@atproto/pds')
process.env.PDS_PORT = String(await freePort())
const pds = await PDS.fromEnv()
bindLoopback(pds.app)
await pds.start()

process.stdout.write(
  JSON.stringify({
    pds: `http://localhost:${process.env.PDS_PORT}`,
    plc: process.env.PDS_DID_PLC_URL,
  }) + '\n',
)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await pds.destroy()
  await plc.destroy()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.resume()
