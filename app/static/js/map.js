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

  // A white background, so that the PNG download and the print are not transparent.
  network.on('beforeDrawing', function (ctx) {
    ctx.save()
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height)
    ctx.restore()
  })

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
    const showHouseholds = document.getElementById('show-households').checked
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

  // The neighbourhood explorer: double-click a node to explore from it.
  if (container.dataset.expandUrl) {
    network.on('doubleClick', function (params) {
      if (!params.nodes.length) return
      const url = new URL(container.dataset.expandUrl, window.location.href)
      url.searchParams.set('id', params.nodes[0])
      window.location.assign(url.toString())
    })
  }

  network.once('afterDrawing', function () {
    network.fit()
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
  if (gapsPanel && window.fetch) {
    const people = {}
    data.nodes.forEach(function (node) { people[node.id] = node.details.name || node.label })
    fetch(gapsPanel.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status) })
      .then(function (body) {
        const list = document.getElementById('gaps-panel-list')
        const status = document.getElementById('gaps-panel-status')
        status.textContent = body.gaps.length ? '' : 'No gap found by the rules in use.'
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

  // For tests and for anyone debugging in the console.
  window.networkMap = { network: network, nodes: nodes, edges: edges }
})()
