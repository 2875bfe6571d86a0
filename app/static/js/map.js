// The family network map: vis-network draws the data the page carries in a JSON block.
// Positions come from the server (ecomap rings), so physics is off unless asked for.
// Names are user data: tooltips and the side panel are built with textContent only, and
// vis-network draws labels on a canvas as plain text.
(function () {
  'use strict'

  const container = document.getElementById('network-map')
  const dataBlock = document.getElementById('network-data')
  if (!container || !dataBlock || typeof vis === 'undefined') return

  const data = JSON.parse(dataBlock.textContent)
  const FIELD_NAMES = {
    job_title: 'Job title', agency_name: 'Agency', agency_type: 'Agency type', phone: 'Phone',
    email: 'Email', address: 'Address', postcode: 'Postcode', family_role: 'Role in family',
    age: 'Age', dob: 'Date of birth', expected_date: 'Expected', gender: 'Gender', kind: 'Kind'
  }

  function element (tag, text, className) {
    const el = document.createElement(tag)
    if (text !== undefined && text !== null) el.textContent = String(text)
    if (className) el.className = className
    return el
  }

  function tooltip (node) {
    const box = element('div', null, 'app-tooltip')
    box.appendChild(element('strong', node.details.name || node.label))
    const line = [node.details.kind, node.details.job_title, node.details.agency_name]
      .filter(Boolean).join(' · ')
    if (line) box.appendChild(element('div', line))
    return box
  }

  function contactLink (scheme, value) {
    const link = element('a', value, 'govuk-link')
    link.href = scheme + ':' + (scheme === 'tel' ? value.replace(/\s+/g, '') : value)
    return link
  }

  const nodes = new vis.DataSet(data.nodes.map(function (node) {
    return Object.assign({}, node, { title: tooltip(node) })
  }))
  const edges = new vis.DataSet(data.edges)
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options)

  // A white background, so that the PNG download and the print are not transparent; then
  // the family map's genogram lines, under the nodes.
  const overlays = data.overlays || null
  network.on('beforeDrawing', function (ctx) {
    ctx.save()
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height)
    ctx.restore()
    if (overlays) drawGenogramLines(ctx, overlays.connectors)
  })
  network.on('afterDrawing', function (ctx) {
    if (overlays) drawDeceasedCrosses(ctx)
  })

  // Genogram conventions: a partners' line (one slash separated, two divorced), a line down
  // to the children's sibling line and one down to each child, dashed when a parent is not a
  // birth parent; parents of one child who are not partners are joined by a dotted line.
  function drawGenogramLines (ctx, connectors) {
    ctx.save()
    ctx.strokeStyle = '#383f43'
    ctx.lineWidth = 2
    connectors.forEach(function (line) {
      const dashed = (line.kind === 'child' && line.parent_kind !== 'birth')
      ctx.setLineDash(line.kind === 'co_parents' ? [2, 5] : dashed ? [7, 5] : [])
      const a = line.points[0]
      const b = line.points[line.points.length - 1]
      ctx.beginPath()
      ctx.moveTo(a[0], a[1])
      line.points.slice(1).forEach(function (p) { ctx.lineTo(p[0], p[1]) })
      ctx.stroke()
      const slashes = line.status === 'separated' ? 1 : line.status === 'divorced' ? 2 : 0
      const mx = (a[0] + b[0]) / 2
      const my = (a[1] + b[1]) / 2
      ctx.setLineDash([])
      for (let n = 0; n < slashes; n++) {
        const dx = (n - (slashes - 1) / 2) * 8
        ctx.beginPath()
        ctx.moveTo(mx + dx - 5, my + 9)
        ctx.lineTo(mx + dx + 5, my - 9)
        ctx.stroke()
      }
    })
    ctx.restore()
  }

  // A cross over the shape of someone who has died (the genogram's mark).
  function drawDeceasedCrosses (ctx) {
    const dead = data.nodes.filter(function (node) { return node.deceased })
    if (!dead.length) return
    const positions = network.getPositions(dead.map(function (node) { return node.id }))
    ctx.save()
    ctx.strokeStyle = '#0b0c0c'
    ctx.lineWidth = 2
    dead.forEach(function (node) {
      const p = positions[node.id]
      const r = (node.size || 18) * 0.8
      ctx.beginPath()
      ctx.moveTo(p.x - r, p.y - r)
      ctx.lineTo(p.x + r, p.y + r)
      ctx.moveTo(p.x + r, p.y - r)
      ctx.lineTo(p.x - r, p.y + r)
      ctx.stroke()
    })
    ctx.restore()
  }

  const panelBody = document.getElementById('node-panel-body')
  const panelHint = document.getElementById('node-panel-hint')

  function showPanel (node) {
    panelBody.replaceChildren()
    panelHint.hidden = true
    panelBody.appendChild(element('h3', node.details.name || node.label, 'govuk-heading-s'))
    const list = element('dl', null, 'govuk-summary-list govuk-summary-list--no-border app-panel-list')
    Object.keys(FIELD_NAMES).forEach(function (key) {
      const value = node.details[key]
      if (value === undefined || value === null || value === '' || key === 'kind') return
      const row = element('div', null, 'govuk-summary-list__row')
      row.appendChild(element('dt', FIELD_NAMES[key], 'govuk-summary-list__key'))
      const cell = element('dd', null, 'govuk-summary-list__value')
      if (key === 'phone') cell.appendChild(contactLink('tel', value))
      else if (key === 'email') cell.appendChild(contactLink('mailto', value))
      else cell.textContent = String(value).replace(/_/g, ' ')
      row.appendChild(cell)
      list.appendChild(row)
    })
    panelBody.appendChild(list)
  }

  network.on('click', function (params) {
    if (params.nodes.length) showPanel(nodes.get(params.nodes[0]))
  })

  // Filters: agency types, ended involvements, households (on the family map only).
  const form = document.getElementById('map-filters')
  function applyFilters () {
    const showEnded = document.getElementById('show-ended').checked
    const householdBox = document.getElementById('show-households')
    const showHouseholds = !householdBox || householdBox.checked
    const agencyTypes = new Set(Array.from(form.querySelectorAll('input[name="agency-type"]:checked'))
      .map(function (box) { return box.value }))
    nodes.update(nodes.get().map(function (node) {
      let hidden = false
      if (node.kind === 'household') hidden = !showHouseholds
      if (node.kind === 'agency' || node.kind === 'professional') {
        hidden = !agencyTypes.has(node.details.agency_type) || (node.ended_only && !showEnded)
      }
      return { id: node.id, hidden: hidden }
    }))
    edges.update(edges.get().filter(function (edge) { return edge.ended })
      .map(function (edge) { return { id: edge.id, hidden: !showEnded } }))
  }
  if (form) {
    form.addEventListener('change', function (event) {
      if (event.target.id === 'physics') {
        network.setOptions({ physics: { enabled: event.target.checked } })
      } else {
        applyFilters()
      }
    })
  }

  const pngButton = document.getElementById('download-png')
  if (pngButton) {
    pngButton.addEventListener('click', function () {
      const link = document.createElement('a')
      link.download = 'network-map.png'
      link.href = container.querySelector('canvas').toDataURL('image/png')
      link.click()
    })
  }
  const printButton = document.getElementById('print-map')
  if (printButton) printButton.addEventListener('click', function () { window.print() })

  // Printed, the whole map is fitted to the paper; on screen again, it is as it was.
  let screenHeight = null
  window.addEventListener('beforeprint', function () {
    if (!overlays) return
    screenHeight = container.style.height
    container.style.height = '560px'
    network.setSize('100%', '560px')
    network.redraw()
    network.fit({ animation: false })
  })
  window.addEventListener('afterprint', function () {
    if (!overlays || screenHeight === null) return
    container.style.height = screenHeight
    network.setSize('100%', screenHeight)
    frame()
  })

  // Presenting: the map full screen on the meeting-room screen, labels still 16 px.
  const presentButton = document.getElementById('present-map')
  if (presentButton && document.fullscreenEnabled) {
    presentButton.addEventListener('click', function () {
      container.parentElement.requestFullscreen()
    })
    document.addEventListener('fullscreenchange', function () {
      network.setSize('100%', window.getComputedStyle(container).height)
      frame()
    })
  } else if (presentButton) {
    presentButton.hidden = true
  }

  // The neighbourhood explorer: double-click a node to explore from it.
  if (container.dataset.expandUrl) {
    network.on('doubleClick', function (params) {
      if (!params.nodes.length) return
      const url = new URL(container.dataset.expandUrl, window.location.href)
      url.searchParams.set('id', params.nodes[0])
      window.location.assign(url.toString())
    })
  }

  // The family map is shown at its own size (scale 1), so labels keep their 16 px: the
  // canvas is as tall as the map (within the window) and wider maps are dragged, not shrunk.
  if (overlays) {
    const bounds = overlays.bounds
    const height = Math.max(420, Math.min(bounds[3] + 120, window.innerHeight - 60))
    container.style.height = height + 'px'
    network.setSize('100%', height + 'px')
  }
  function frame () {
    if (!overlays) {
      network.fit()
      return
    }
    const b = overlays.bounds
    const width = container.clientWidth
    const scale = Math.min(1, (width - 20) / Math.max(b[2], 1))
    // Shrunk only as far as readability allows (16 px labels at 0.875 are 14 px).
    network.moveTo({ position: { x: b[0] + b[2] / 2, y: b[1] + b[3] / 2 },
      scale: Math.max(scale, 0.875) })
  }

  network.once('afterDrawing', function () {
    frame()
    // A link from the gaps dashboard names the person the gap is about: select them.
    const highlight = new URLSearchParams(window.location.search).get('highlight') ||
      container.dataset.highlight
    if (highlight && nodes.get(highlight)) {
      network.selectNodes([highlight])
      showPanel(nodes.get(highlight))
    }
    container.dataset.ready = 'true'
  })
  // The family's gaps, fetched after the map is drawn (the gap rules take longer than the map).
  const gapsPanel = document.getElementById('gaps-panel')
  if (gapsPanel && window.fetch && gapsPanel.dataset.src) {
    const people = {}
    data.nodes.forEach(function (node) { people[node.id] = node.details.name || node.label })
    // The professionals the map marked as new (their boxes are wider): the placeholders
    // are placed round the map as it was drawn.
    const gapsUrl = new URL(gapsPanel.dataset.src, window.location.href)
    if (gapsPanel.dataset.new) gapsUrl.searchParams.set('new', gapsPanel.dataset.new)
    fetch(gapsUrl.toString(), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status) })
      .then(function (body) {
        const list = document.getElementById('gaps-panel-list')
        const status = document.getElementById('gaps-panel-status')
        status.textContent = body.gaps.length ? '' : 'No gap found by the rules in use.'
        if (overlays) drawGaps(body)
        body.gaps.forEach(function (gap) {
          const item = element('li')
          const tag = element('strong', gap.severity, 'govuk-tag ' +
            (gap.severity === 'high' ? 'govuk-tag--red' : gap.severity === 'medium' ? 'govuk-tag--orange' : 'govuk-tag--grey'))
          item.appendChild(tag)
          item.appendChild(document.createTextNode(' ' + gap.title + ' – ' +
            (people[gap.child_id || gap.person_id] || '')))
          list.appendChild(item)
        })
        gapsPanel.dataset.loaded = 'true'
      })
      .catch(function () { gapsPanel.dataset.loaded = 'failed' })
  }

  // Where a required professional is missing: a dashed red placeholder in their place,
  // with a dashed red line to the person; a child nobody knows is outlined in red.
  function drawGaps (body) {
    (body.placeholders || []).forEach(function (mark) {
      const node = {
        id: mark.id, label: mark.label, x: mark.x, y: mark.y, kind: 'gap', shape: 'box',
        margin: 10, borderWidth: 2, color: { background: '#ffffff', border: '#d4351c' },
        font: { color: '#d4351c' }, shapeProperties: { borderDashes: [6, 4] },
        details: { kind: 'gap', name: mark.label.split('\n')[0] }
      }
      node.title = tooltip(node)
      nodes.add(node)
      edges.add({ id: 'gap-line:' + mark.id, from: mark.id, to: mark.person, arrows: 'to',
        color: '#d4351c', width: 2, dashes: [6, 4], smooth: mark.smooth })
    })
    nodes.update((body.outlined || []).map(function (id) {
      const node = nodes.get(id)
      return { id: id, borderWidth: 4, shapeProperties: { borderDashes: [5, 4] },
        color: { background: node.color.background, border: '#d4351c' } }
    }))
    refreshNodeList()
  }

  // The map by keyboard: a list of what the map shows, in step with it. Arrow keys move
  // along it and select on the map; Enter shows the details.
  const list = document.getElementById('map-node-list')
  let active = -1
  function listed () {
    return nodes.get({ filter: function (n) { return !n.hidden } }).sort(function (a, b) {
      const order = { child: 0, adult: 0, gap: 1, professional: 2 }
      return (order[a.kind] - order[b.kind]) || (a.y - b.y) || (a.x - b.x)
    })
  }
  function refreshNodeList () {
    if (!list) return
    list.replaceChildren()
    listed().forEach(function (node, n) {
      const item = element('li', node.label.replace(/\n/g, ' · '), 'app-map-node-list__item')
      item.id = 'map-node-' + n
      item.setAttribute('role', 'option')
      item.setAttribute('aria-selected', 'false')
      item.dataset.node = node.id
      item.addEventListener('click', function () { choose(n, true) })
      list.appendChild(item)
    })
    active = -1
  }
  function choose (n, open) {
    const items = list.querySelectorAll('[role=option]')
    if (!items.length) return
    active = Math.max(0, Math.min(items.length - 1, n))
    items.forEach(function (item, i) { item.setAttribute('aria-selected', String(i === active)) })
    const item = items[active]
    list.setAttribute('aria-activedescendant', item.id)
    item.scrollIntoView({ block: 'nearest' })
    network.selectNodes([item.dataset.node])
    network.focus(item.dataset.node, { scale: network.getScale(), animation: false })
    if (open) showPanel(nodes.get(item.dataset.node))
  }
  if (list) {
    list.addEventListener('keydown', function (event) {
      const moves = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }
      if (event.key in moves) {
        event.preventDefault()
        choose(active < 0 ? 0 : active + moves[event.key], false)
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault()
        choose(event.key === 'Home' ? 0 : Infinity, false)
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        choose(active < 0 ? 0 : active, true)
      }
    })
    refreshNodeList()
  }
  if (form) form.addEventListener('change', refreshNodeList)

  // Zoom with buttons a keyboard reaches (vis-network's own are not focusable).
  document.querySelectorAll('[data-zoom]').forEach(function (button) {
    button.addEventListener('click', function () {
      const how = button.dataset.zoom
      if (how === 'fit') {
        frame()
        return
      }
      const scale = network.getScale() * (how === 'in' ? 1.25 : 0.8)
      network.moveTo({ scale: scale, position: network.getViewPosition(), animation: false })
    })
  })

  // For tests and for anyone debugging in the console.
  window.networkMap = { network: network, nodes: nodes, edges: edges, overlays: overlays }
})()
