package handlers

import (
	"strconv"

	"switchboard/domain"
	"switchboard/views"
)

// The new-service wizard's form and its draft: newServiceInput reads the
// form into NewOrders_Create's input, which is what the draft keeps
// (newServiceDraft), and newServiceForm shows a draft in the form again.

// newServiceInput turns the form into NewOrders_Create's input. What
// cannot be read (a rate that is not an amount) is a problem on the
// seed's field path, kept as typed; so is a number step left unanswered.
func newServiceInput(form *views.NewServiceForm, secrets map[string]domain.Secret) (*domain.NewOrdersInput, *typedInput) {
	t := &typedInput{}
	in := &domain.NewOrdersInput{
		CustomerID: t.id("CustomerID", form.CustomerID, "Choose a customer from the list."),
		PackageID:  t.id("PackageID", form.PackageID, "Choose a package from the list."),
		LineTypeID: t.id("LineTypeID", form.LineTypeID, "Choose a service type from the list."),
		ProcessID:  t.id("ProcessID", form.ProcessID, "Choose a process from the list."),
		ESN:        form.ESN, WirelessICCID: form.WirelessICCID,
		Description: form.Description, SendOrders: form.SendOrders,
		ServiceTypeMustFit: true, // the wizard offers only the types that suit the package
	}
	switch form.NumberMode {
	case views.NumberNew:
	case views.NumberReconnect:
		in.ReconnectTN = form.ReconnectTN
		t.Check(form.ReconnectTN != "", "ReconnectTN", "Enter the number to reconnect: 10 digits.")
	case views.NumberPort:
		in.WirelessPort = portInput(form.Port, secrets[secretPIN])
	default:
		t.Add("NumberMode", "Choose how the service gets its number: a new number, a reconnect, or a port-in.")
	}
	if form.Ship {
		in.ShippingAddress = formAddress(form.ShippingAddress)
	}
	for i, pr := range form.Products {
		pre := "AdditionalProducts[" + strconv.Itoa(i) + "]."
		pi := &domain.ProductInput{ProductID: t.id(pre+"ProductID", pr.ProductID, "Choose a product from the list."), Description: pr.Description}
		pi.Rate = t.money(pre+"Rate", pr.Rate)
		pi.Quantity = t.quantity(pre+"Quantity", pr.Quantity)
		in.AdditionalProducts = append(in.AdditionalProducts, pi)
	}
	return in, t
}

// newServiceDraft is what the draft keeps of the form. The PIN is not in
// it: it is one of the draft's sealed secrets. What was typed for a kind
// of number other than the one chosen stays too, so choosing that kind
// again finds it; the submit sends only the chosen kind's (newServiceInput
// of the form the draft shows, by NumberMode).
func newServiceDraft(form *views.NewServiceForm) *domain.NewServiceDraft {
	in, t := newServiceInput(form, nil)
	if form.NumberMode != views.NumberReconnect {
		in.ReconnectTN = form.ReconnectTN
	}
	if form.NumberMode != views.NumberPort && form.Port != (views.PortForm{}) {
		in.WirelessPort = portInput(form.Port, domain.Secret{})
	}
	return domain.NewDraftValues(*in, t.unparsed, domain.NewServiceAnswers{NumberMode: form.NumberMode, ShippingFilled: form.ShippingFilled})
}

// newServiceForm shows a draft in the form: newServiceDraft's inverse.
func newServiceForm(v *domain.NewServiceDraft) *views.NewServiceForm {
	in, u := &v.Input, draftText{text: v.Text}
	form := &views.NewServiceForm{
		CustomerID: u.id("CustomerID", in.CustomerID), PackageID: u.id("PackageID", in.PackageID),
		LineTypeID: u.id("LineTypeID", in.LineTypeID), ProcessID: u.id("ProcessID", in.ProcessID),
		ESN: in.ESN, WirelessICCID: in.WirelessICCID, Description: in.Description, SendOrders: in.SendOrders,
		NumberMode: v.Answers.NumberMode, ReconnectTN: in.ReconnectTN, ShippingFilled: v.Answers.ShippingFilled,
		Ship: in.ShippingAddress != nil, ShippingAddress: addressForm(in.ShippingAddress),
	}
	if p := in.WirelessPort; p != nil {
		form.Port = views.PortForm{MDN: p.MDN, AccountNumber: p.AccountNumber, AuthorizedSigner: p.AuthorizedSigner,
			Remark: p.Remark, ExternalProvider: p.ExternalProvider, Address: addressForm(p.Address)}
	}
	for i, p := range in.AdditionalProducts {
		if p == nil {
			continue
		}
		pre := "AdditionalProducts[" + strconv.Itoa(i) + "]."
		form.Products = append(form.Products, views.ProductForm{ProductID: u.id(pre+"ProductID", p.ProductID),
			Rate: u.money(pre+"Rate", p.Rate), Quantity: u.quantity(pre+"Quantity", p.Quantity), Description: p.Description})
	}
	return form
}

// portInput is the port-in request as typed, with the PIN kept.
func portInput(pt views.PortForm, pin domain.Secret) *domain.WirelessPortInput {
	return &domain.WirelessPortInput{MDN: pt.MDN, AccountNumber: pt.AccountNumber, AuthorizedSigner: pt.AuthorizedSigner,
		PINPassword: pin, Remark: pt.Remark, ExternalProvider: pt.ExternalProvider, Address: formAddress(pt.Address)}
}

func formAddress(a views.AddressForm) *domain.AddressInput {
	return &domain.AddressInput{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2,
		City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4, Country: a.Country}
}

func addressForm(a *domain.AddressInput) views.AddressForm {
	if a == nil {
		return views.AddressForm{}
	}
	return views.AddressForm{FirstName: a.FirstName, LastName: a.LastName, Address1: a.Address1, Address2: a.Address2,
		City: a.City, State: a.State, Zip: a.Zip, Zip4: a.Zip4, Country: a.Country}
}
